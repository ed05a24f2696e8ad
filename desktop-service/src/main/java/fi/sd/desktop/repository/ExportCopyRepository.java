package fi.sd.desktop.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Claims of export copies: each is taken by one runner at a time, which renews its lease while it copies. */
@ApplicationScoped
public class ExportCopyRepository {

    private final EntityManager em;

    @Inject
    public ExportCopyRepository(EntityManager em) {
        this.em = em;
    }

    /** Locks and returns the ids of {@code COPYING} exports due by {@code now}, oldest request first, skipping rows another replica holds. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> claimDue(Instant now, int limit) {
        return em.createNativeQuery("SELECT id FROM airlock_export WHERE status = 'COPYING' AND copy_not_before <= :now"
                + " ORDER BY requested_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Extends the lease of the copy {@code attempt} of the export to {@code until}; false when that copy is no longer
     * the export's (it was cancelled, failed, or taken over by another runner after this one's lease ran out).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renew(String exportId, int attempt, Instant until) {
        return em.createNativeQuery("UPDATE airlock_export SET copy_not_before = :until WHERE id = :id AND copy_attempts = :attempt"
                + " AND status = 'COPYING'")
                .setParameter("until", until)
                .setParameter("id", exportId)
                .setParameter("attempt", attempt)
                .executeUpdate() == 1;
    }
}
