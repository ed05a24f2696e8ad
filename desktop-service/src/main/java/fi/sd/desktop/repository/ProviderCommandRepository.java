package fi.sd.desktop.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Claims of provider commands: each is taken by one runner at a time, and a desktop's commands in their order. */
@ApplicationScoped
public class ProviderCommandRepository {

    private final EntityManager em;

    @Inject
    public ProviderCommandRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Locks and returns the ids of pending commands due by {@code now}, each the oldest pending one of its
     * desktop (the next waits until it is done), skipping rows another replica holds.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claimDue(Instant now, int limit) {
        List<Number> ids = em.createNativeQuery("SELECT c.id FROM provider_command c WHERE c.status = 'PENDING'"
                + " AND c.not_before <= :now AND NOT EXISTS (SELECT 1 FROM provider_command e"
                + " WHERE e.desktop_id = c.desktop_id AND e.status = 'PENDING' AND e.id < c.id)"
                + " ORDER BY c.id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
