package fi.sd.permit.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.events.PermitRoute;
import fi.sd.events.permit.PermitGranted;
import fi.sd.permit.domain.Permit;
import fi.sd.permit.domain.PermitStatus;
import fi.sd.permit.mapping.PermitMapper;
import fi.sd.permit.rest.PermitRequest;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** Records permits and answers who may see them. */
@ApplicationScoped
public class PermitService {

    /** The issuer recorded on Findata-route permits. */
    public static final String FINDATA = "Findata";

    private static final Logger LOG = Logger.getLogger(PermitService.class);

    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public PermitService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records a permit as version 1 and announces it with {@code PermitGranted}. */
    @Transactional
    public Permit grant(PermitRequest request, Caller caller) {
        String issuer = issuerFor(request, caller);
        if (Permit.findByJournalNumber(request.journalNumber().strip()).isPresent()) {
            throw ProblemException.conflict("Journal number " + request.journalNumber() + " is already recorded");
        }
        Instant now = clock.instant();
        Permit permit = new Permit();
        permit.id = UUID.randomUUID().toString();
        PermitMapper.apply(request, permit);
        permit.issuer = issuer;
        permit.status = PermitStatus.ACTIVE;
        permit.version = 1;
        permit.createdBy = caller.subject();
        permit.createdAt = now;
        permit.updatedAt = now;
        permit.persist();
        outbox.publish(new PermitGranted(PermitMapper.toSnapshot(permit), caller.subject(), now));
        LOG.infof("Permit %s (%s) granted by %s", permit.id, permit.journalNumber, caller.subject());
        return permit;
    }

    /** The permit, if it exists and the caller may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Permit> find(String id, Caller caller) {
        return Permit.<Permit>findByIdOptional(id).filter(p -> visibleTo(p, caller));
    }

    /**
     * A Findata permit is recorded by the permit authority; a register permit by a controller
     * that controls every dataset in it, and the controller becomes its issuer.
     */
    private static String issuerFor(PermitRequest request, Caller caller) {
        if (request.route() == PermitRoute.FINDATA) {
            caller.requireAny(Role.PERMIT_AUTHORITY);
            return FINDATA;
        }
        caller.requireAny(Role.DATA_CONTROLLER);
        String org = caller.organisation().orElseThrow();
        for (PermitRequest.Dataset dataset : request.datasets()) {
            if (!dataset.controller().equals(org)) {
                throw ProblemException.forbidden("Dataset " + dataset.id() + " is controlled by " + dataset.controller() + ", not by " + org);
            }
        }
        return org;
    }

    static boolean visibleTo(Permit permit, Caller caller) {
        if (caller.readsEverything() || permit.names(caller.subject())) {
            return true;
        }
        return permit.route == PermitRoute.FINDATA ? caller.has(Role.PERMIT_AUTHORITY) : caller.controls(permit.issuer);
    }
}
