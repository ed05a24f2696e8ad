package fi.sd.desktop.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import fi.sd.desktop.domain.Desktop;

/** Claims for the jobs that follow desktops and sessions; each row is claimed by one replica at a time. */
@ApplicationScoped
public class DesktopRepository {

    private final EntityManager em;

    @Inject
    public DesktopRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Locks and returns the ids of desktops due a check, skipping rows another replica holds: those waiting on the
     * cloud, and those in a steady state last checked before {@code steadyCheckedBefore}; none with a provider
     * command pending (its outcome is not known yet). Those waiting on the cloud first, then the longest-unchecked.
     */
    public List<String> claimDue(Instant steadyCheckedBefore, int limit) {
        return em.createNativeQuery("SELECT d.id FROM desktop d WHERE (d.status IN (:waiting)"
                + " OR (d.status IN (:steady) AND (d.checked_at IS NULL OR d.checked_at < :cutoff)))"
                + " AND NOT EXISTS (SELECT 1 FROM provider_command c WHERE c.desktop_id = d.id AND c.status = 'PENDING')"
                + " ORDER BY CASE WHEN d.status IN (:waiting) THEN 0 ELSE 1 END, d.checked_at NULLS FIRST, d.id"
                + " LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("waiting", Desktop.IN_TRANSITION.stream().map(Enum::name).toList())
                .setParameter("steady", Desktop.STEADY.stream().map(Enum::name).toList())
                .setParameter("cutoff", steadyCheckedBefore)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Records when the desktops were last checked, leaving their row version alone. */
    public void markChecked(List<String> ids, Instant checkedAt) {
        em.createNativeQuery("UPDATE desktop SET checked_at = :checkedAt WHERE id IN (:ids)")
                .setParameter("checkedAt", checkedAt)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Locks and returns the ids of open sessions last seen at or before {@code cutoff}, skipping rows another replica holds. */
    public List<String> claimIdleSessions(Instant cutoff, int limit) {
        return em.createNativeQuery("SELECT id FROM desktop_session WHERE status = 'OPEN' AND last_seen_at <= :cutoff"
                + " ORDER BY last_seen_at, id LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList();
    }
}
