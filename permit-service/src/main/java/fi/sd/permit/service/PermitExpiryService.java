package fi.sd.permit.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.events.permit.PermitExpired;
import fi.sd.events.permit.PermitExpiringSoon;
import fi.sd.permit.domain.Permit;
import fi.sd.permit.domain.PermitCommand;
import fi.sd.permit.domain.Validity;
import fi.sd.permit.repository.PermitRepository;
import fi.sd.platform.outbox.Outbox;

/**
 * One batch of the expiry job per transaction. Each batch claims its permits with
 * {@code FOR UPDATE SKIP LOCKED} and changes them so that they no longer match the claim, so with
 * any number of replicas each permit is warned about once per validity end and expired once.
 */
@ApplicationScoped
public class PermitExpiryService {

    private static final Logger LOG = Logger.getLogger(PermitExpiryService.class);

    private final PermitRepository permits;
    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public PermitExpiryService(PermitRepository permits, EntityManager em, Outbox outbox, Clock clock) {
        this.permits = permits;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Expires up to {@code limit} active permits whose last valid day is before {@code today}; returns how many. */
    @Transactional
    public int expireDue(LocalDate today, int limit) {
        List<String> ids = permits.claimDueForExpiry(today, limit);
        Instant now = clock.instant();
        for (String id : ids) {
            Permit permit = em.find(Permit.class, id);
            permit.apply(PermitCommand.EXPIRE);
            permit.updatedAt = now;
            outbox.publish(new PermitExpired(permit.id, permit.projectId, permit.validUntil, now));
            LOG.infof("Permit %s expired: its last valid day was %s", permit.id, permit.validUntil);
        }
        return ids.size();
    }

    /**
     * Sends {@code PermitExpiringSoon} for up to {@code limit} active permits whose last valid day
     * is between {@code today} and {@code horizon} and not yet announced; returns how many.
     */
    @Transactional
    public int announceDue(LocalDate today, LocalDate horizon, int limit) {
        List<String> ids = permits.claimDueForExpiryNotice(today, horizon, limit);
        Instant now = clock.instant();
        for (String id : ids) {
            Permit permit = em.find(Permit.class, id);
            permit.apply(PermitCommand.NOTIFY_EXPIRY);
            permit.expiryNoticeFor = permit.validUntil;
            int daysLeft = Validity.daysLeft(permit.validUntil, today);
            outbox.publish(new PermitExpiringSoon(permit.id, permit.projectId, permit.validUntil, daysLeft, now));
            LOG.infof("Permit %s expires in %d day(s), after %s", permit.id, daysLeft, permit.validUntil);
        }
        return ids.size();
    }
}
