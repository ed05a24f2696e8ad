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

    /** Locks and returns the ids of desktops waiting on the cloud, the longest-unchecked first, skipping rows another replica holds. */
    public List<String> claimInTransition(int limit) {
        return em.createNativeQuery("SELECT id FROM desktop WHERE status IN (:waiting)"
                + " ORDER BY checked_at NULLS FIRST, id LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("waiting", Desktop.IN_TRANSITION.stream().map(Enum::name).toList())
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Locks and returns the ids of open sessions last seen at or before {@code cutoff}, skipping rows another replica holds. */
    public List<String> claimIdleSessions(Instant cutoff, int limit) {
        return em.createNativeQuery("SELECT id FROM desktop_session WHERE status = 'OPEN' AND last_seen_at <= :cutoff"
                + " ORDER BY last_seen_at, id LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Locks and returns the ids of open sessions whose sign-in ended at or before {@code cutoff}, skipping rows another replica holds. */
    public List<String> claimLapsedSignIns(Instant cutoff, int limit) {
        return em.createNativeQuery("SELECT id FROM desktop_session WHERE status = 'OPEN' AND signed_in_until <= :cutoff"
                + " ORDER BY signed_in_until, id LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList();
    }
}
