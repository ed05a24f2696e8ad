package fi.sd.permit.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import fi.sd.events.PermitRoute;
import fi.sd.events.permit.PermitAmended;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.permit.api.AmendmentRequest;
import fi.sd.permit.api.PermitRequest;
import fi.sd.permit.api.PermitVersionView;
import fi.sd.permit.api.PermitView;
import fi.sd.permit.api.RevocationRequest;
import fi.sd.permit.domain.AmendedField;
import fi.sd.permit.domain.Permit;
import fi.sd.permit.domain.PermitCommand;
import fi.sd.permit.domain.PermitStatus;
import fi.sd.permit.domain.PermitVersion;
import fi.sd.permit.domain.Validity;
import fi.sd.permit.domain.VersionKind;
import fi.sd.permit.mapping.PermitMapper;
import fi.sd.permit.repository.PermitRepository;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;

/**
 * Records, amends and revokes permits. Each of these writes a version row and its event in the
 * same transaction; commands on one permit are serialised by locking its row.
 */
@ApplicationScoped
public class PermitService {

    private static final Logger LOG = Logger.getLogger(PermitService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final PermitRepository permits;

    @Inject
    public PermitService(Outbox outbox, Clock clock, PermitRepository permits) {
        this.outbox = outbox;
        this.clock = clock;
        this.permits = permits;
    }

    /** Records a permit as version 1 and announces it with {@code PermitGranted}. */
    @Transactional
    public PermitView grant(PermitRequest request, Caller caller) {
        String issuer = PermitAccess.issuerFor(request.route(), request.datasets(), caller);
        PermitRules.requireValid(request, Validity.today(clock));
        String journalNumber = request.journalNumber().strip();
        if (Permit.findByJournalNumber(journalNumber).isPresent()) {
            throw journalNumberTaken(journalNumber);
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
        persistUnique(permit);
        PermitSnapshot snapshot = PermitMapper.toSnapshot(permit);
        PermitVersions.record(snapshot, permit.status, VersionKind.RECORDED, caller.subject(), null, List.of(), now);
        outbox.publish(new PermitGranted(snapshot, caller.subject(), now));
        LOG.infof("Permit %s (%s) granted by %s", permit.id, permit.journalNumber, caller.subject());
        return PermitMapper.toView(permit);
    }

    /** Changes validity, persons and/or datasets as a new version, announced with {@code PermitAmended}. */
    @Transactional
    public PermitVersionView amend(String id, AmendmentRequest request, Caller caller) {
        Permit permit = lockVisible(id, caller);
        PermitAccess.requireIssuer(permit, caller, "amend");
        permit.apply(PermitCommand.AMEND);
        if (request.datasets() != null && permit.route == PermitRoute.REGISTER) {
            PermitAccess.requireControlsAll(request.datasets(), permit.issuer);
        }
        PermitRules.requireValidAmendment(permit.validFrom, request.validUntil(), request.datasets(), request.persons(),
                Validity.today(clock));
        List<AmendedField> changes = applyChanges(permit, request);
        if (changes.isEmpty()) {
            String message = "unchanged: an amendment changes at least one of validUntil, persons, datasets";
            throw ProblemException.unprocessable("The amendment changes nothing", List.of(new FieldError("validUntil", message),
                    new FieldError("persons", message), new FieldError("datasets", message)));
        }
        String reason = request.reason().strip();
        NewVersion amended = nextVersion(permit, VersionKind.AMENDED, reason, changes, caller);
        outbox.publish(new PermitAmended(amended.snapshot(), amended.version().changeNames(), reason, caller.subject(),
                amended.version().recordedAt));
        LOG.infof("Permit %s amended to version %d by %s: %s", permit.id, permit.version, caller.subject(), amended.version().changes);
        return PermitMapper.toView(amended.version());
    }

    /** Ends the permit for good as a new version, announced with {@code PermitRevoked}. */
    @Transactional
    public PermitView revoke(String id, RevocationRequest request, Caller caller) {
        Permit permit = lockVisible(id, caller);
        PermitAccess.requireIssuer(permit, caller, "revoke");
        permit.apply(PermitCommand.REVOKE);
        String reason = request.reason().strip();
        NewVersion revoked = nextVersion(permit, VersionKind.REVOKED, reason, List.of(), caller);
        outbox.publish(new PermitRevoked(permit.id, permit.version, permit.projectId, reason, caller.subject(),
                revoked.version().recordedAt));
        LOG.infof("Permit %s revoked by %s", permit.id, caller.subject());
        return PermitMapper.toView(permit);
    }

    /** The permit with its row locked for a command; 404 when it does not exist or the caller may not see it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Permit lockVisible(String id, Caller caller) {
        return permits.lock(id).filter(p -> PermitAccess.canSee(p, caller)).orElseThrow(() -> ProblemException.notFound("Permit", id));
    }

    /** Numbers, stamps and records the permit's next version, made by the caller. */
    private NewVersion nextVersion(Permit permit, VersionKind kind, String reason, List<AmendedField> changes, Caller caller) {
        Instant now = clock.instant();
        permit.version++;
        permit.updatedAt = now;
        PermitSnapshot snapshot = PermitMapper.toSnapshot(permit);
        return new NewVersion(snapshot, PermitVersions.record(snapshot, permit.status, kind, caller.subject(), reason, changes, now));
    }

    /** Applies what the amendment changes and names it; an absent field, or one equal to the current value, changes nothing. */
    private static List<AmendedField> applyChanges(Permit permit, AmendmentRequest request) {
        List<AmendedField> changes = new ArrayList<>();
        if (request.validUntil() != null && !request.validUntil().equals(permit.validUntil)) {
            permit.validUntil = request.validUntil();
            changes.add(AmendedField.VALID_UNTIL);
        }
        if (request.persons() != null && !sameMembers(request.persons(), PermitMapper.persons(permit))) {
            PermitMapper.replacePersons(permit, request.persons());
            changes.add(AmendedField.PERSONS);
        }
        if (request.datasets() != null && !sameMembers(request.datasets(), PermitMapper.datasets(permit))) {
            PermitMapper.replaceDatasets(permit, request.datasets());
            changes.add(AmendedField.DATASETS);
        }
        return changes;
    }

    /** The same entries, in whatever order: reordering a list is not an amendment. */
    private static <T> boolean sameMembers(List<T> a, List<T> b) {
        return a.size() == b.size() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    /** Inserts the permit now, so that a concurrent recording of the same journal number is a 409, not a failed commit. */
    private static void persistUnique(Permit permit) {
        try {
            permit.persistAndFlush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw journalNumberTaken(permit.journalNumber);
            }
            throw e;
        }
    }

    /** A version just recorded, and the snapshot its event carries. */
    private record NewVersion(PermitSnapshot snapshot, PermitVersion version) {
    }

    private static ProblemException journalNumberTaken(String journalNumber) {
        return ProblemException.conflict("Journal number " + journalNumber + " is already recorded");
    }
}
