package fi.sd.desktop.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What the open viewer connections of a replica ask about their sessions, each in one statement for all of them. */
@ApplicationScoped
public class SessionPresenceRepository {

    private final EntityManager em;

    @Inject
    public SessionPresenceRepository(EntityManager em) {
        this.em = em;
    }

    /** Those of {@code sessionIds} that are no longer open (ended on any replica). */
    public List<String> ended(Collection<String> sessionIds) {
        return em.createNativeQuery("SELECT id FROM desktop_session WHERE id IN (:ids) AND status <> 'OPEN'", String.class)
                .setParameter("ids", sessionIds)
                .getResultList();
    }

    /**
     * A heartbeat for each of the open sessions among {@code sessionIds}: their idle timeout starts again at
     * {@code seenAt}. Their row version is left alone, so that a close at the same moment wins.
     */
    public int touch(Collection<String> sessionIds, Instant seenAt) {
        return em.createNativeQuery("UPDATE desktop_session SET last_seen_at = :seenAt WHERE id IN (:ids) AND status = 'OPEN'"
                + " AND last_seen_at < :seenAt")
                .setParameter("seenAt", seenAt)
                .setParameter("ids", sessionIds)
                .executeUpdate();
    }
}
