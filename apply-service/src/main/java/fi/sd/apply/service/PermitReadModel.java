package fi.sd.apply.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.apply.domain.Application;
import fi.sd.apply.domain.ApplicationState;
import fi.sd.apply.domain.Permit;
import fi.sd.apply.domain.PermitDataset;
import fi.sd.apply.domain.PermitStatus;
import fi.sd.events.PersonRef;
import fi.sd.events.apply.AccessEndReason;
import fi.sd.events.permit.PermitSnapshot;

/** Keeps the local copy of permit-service's permits; an ended permit ends its applications here too. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PermitReadModel {

    private static final Logger LOG = Logger.getLogger(PermitReadModel.class);

    private final ApplicationService applications;
    private final EntitlementService entitlements;

    @Inject
    public PermitReadModel(ApplicationService applications, EntitlementService entitlements) {
        this.applications = applications;
        this.entitlements = entitlements;
    }

    /** Records a granted or amended permit version; an older version than the one known changes nothing. */
    public void record(PermitSnapshot snapshot, Instant occurredAt) {
        Permit known = Permit.findById(snapshot.permitId());
        if (known != null && known.version >= snapshot.version()) {
            return;
        }
        Permit permit = known != null ? known : newPermit(snapshot.permitId());
        permit.version = snapshot.version();
        permit.route = snapshot.route();
        permit.issuer = snapshot.issuer();
        permit.projectId = snapshot.projectId();
        permit.validUntil = snapshot.validUntil();
        permit.updatedAt = occurredAt;
        permit.datasets.clear();
        snapshot.datasets().forEach(d -> {
            if (!permit.covers(d.id())) {
                permit.datasets.add(new PermitDataset(d.id(), d.controller()));
            }
        });
        permit.persons.clear();
        snapshot.persons().stream().map(PersonRef::userId).forEach(permit.persons::add);
        permit.persist();
        if (known != null) {
            // A person or dataset the amendment dropped takes its entitlements with it.
            Application.<Application>list("permitId = ?1 and state = ?2", permit.id, ApplicationState.APPROVED)
                    .forEach(application -> entitlements.recompute(application, AccessEndReason.MEMBER_REMOVED));
        }
    }

    private static Permit newPermit(String id) {
        Permit permit = new Permit();
        permit.id = id;
        permit.status = PermitStatus.ACTIVE;
        return permit;
    }

    /** The permit expired or was revoked: every open application on it is closed and its entitlements end. */
    public void ended(String permitId, PermitStatus status, String comment, Instant occurredAt) {
        Permit permit = Permit.findById(permitId);
        if (permit == null) {
            LOG.warnf("Permit %s ended (%s) before it was known here; nothing to close", permitId, status);
            return;
        }
        permit.status = status;
        permit.updatedAt = occurredAt;
        Application.<Application>list("permitId = ?1 and state in ?2", permitId, ApplicationState.OPEN)
                .forEach(application -> applications.closeForPermit(application, status, comment));
    }
}
