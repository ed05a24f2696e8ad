package fi.sd.permit.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.events.MalformedEventException;
import fi.sd.events.apply.ApplicationApproved;
import fi.sd.permit.domain.AccessApplication;
import fi.sd.permit.domain.AccessApplicationState;

/**
 * Keeps the local view of apply-service's access applications that register-route releases
 * depend on. An approval covers its datasets until the application is revoked or closed; an ended
 * application stays ended, so the events converge to the same state in whatever order they arrive.
 */
@ApplicationScoped
public class AccessApplications {

    private static final Logger LOG = Logger.getLogger(AccessApplications.class);

    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(ApplicationApproved event) {
        requireComplete(event.applicationId(), event.permitId(), event.datasetIds(), event.occurredAt());
        AccessApplication application = AccessApplication.findById(event.applicationId());
        if (application != null) {
            LOG.debugf("Approval of application %s ignored: already known as %s", event.applicationId(), application.state);
            return;
        }
        application = newApplication(event.applicationId(), event.permitId(), event.datasetIds(), AccessApplicationState.APPROVED,
                event.occurredAt());
        application.entitlementEnd = event.entitlementEnd();
        application.persist();
        LOG.infof("Application %s approved for datasets %s of permit %s", event.applicationId(), event.datasetIds(), event.permitId());
    }

    /** The application was revoked or closed: it covers nothing any more, whether or not its approval has arrived yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(String applicationId, String permitId, List<String> datasetIds, AccessApplicationState state, Instant at) {
        requireComplete(applicationId, permitId, datasetIds, at);
        AccessApplication application = AccessApplication.findById(applicationId);
        if (application == null) {
            newApplication(applicationId, permitId, datasetIds, state, at).persist();
        } else if (!application.state.ended()) {
            application.state = state;
            application.changedAt = at;
        }
        LOG.infof("Application %s of permit %s %s", applicationId, permitId, state.name().toLowerCase());
    }

    private static AccessApplication newApplication(String applicationId, String permitId, List<String> datasetIds,
            AccessApplicationState state, Instant at) {
        AccessApplication application = new AccessApplication();
        application.applicationId = applicationId;
        application.permitId = permitId;
        application.state = state;
        application.datasetIds.addAll(datasetIds);
        application.changedAt = at;
        return application;
    }

    /** An event without these can never be applied: it goes to the dead-letter topic at once. */
    private static void requireComplete(String applicationId, String permitId, List<String> datasetIds, Instant at) {
        if (isBlank(applicationId) || isBlank(permitId) || datasetIds == null || datasetIds.stream().anyMatch(AccessApplications::isBlank)
                || at == null) {
            throw new MalformedEventException("An application event needs applicationId, permitId, datasetIds and occurredAt");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
