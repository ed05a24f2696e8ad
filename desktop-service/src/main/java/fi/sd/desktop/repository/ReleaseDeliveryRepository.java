package fi.sd.desktop.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Claims of release deliveries: each is taken by one runner at a time. */
@ApplicationScoped
public class ReleaseDeliveryRepository {

    private final EntityManager em;

    @Inject
    public ReleaseDeliveryRepository(EntityManager em) {
        this.em = em;
    }

    /** Locks and returns the release ids of pending deliveries due by {@code now}, oldest first, skipping rows another replica holds. */
    @SuppressWarnings("unchecked")
    public List<String> claimDue(Instant now, int limit) {
        return em.createNativeQuery("SELECT release_id FROM dataset_mount WHERE delivery = 'PENDING' AND delivery_not_before <= :now"
                + " ORDER BY mounted_at, release_id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }
}
