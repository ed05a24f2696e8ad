package fi.sd.desktop.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Queries on workspaces that the entity's finders cannot express. */
@ApplicationScoped
public class WorkspaceRepository {

    private final EntityManager em;

    @Inject
    public WorkspaceRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Locks and returns the ids of locked workspaces whose retention ended before {@code now},
     * skipping rows another replica holds: each workspace is purged by one transaction only.
     */
    public List<String> claimDueForPurge(Instant now, int limit) {
        return em.createNativeQuery("SELECT id FROM workspace WHERE status = 'LOCKED' AND purge_after <= :now"
                + " ORDER BY purge_after, id LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Locks and returns the workspace ids of pending shreds due by {@code now}, oldest first, skipping rows another replica holds. */
    public List<String> claimDueShreds(Instant now, int limit) {
        return em.createNativeQuery("SELECT workspace_id FROM workspace_shred WHERE done_at IS NULL AND not_before <= :now"
                + " ORDER BY created_at, workspace_id LIMIT :limit FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }
}
