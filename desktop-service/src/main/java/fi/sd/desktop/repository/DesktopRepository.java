package fi.sd.desktop.repository;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.domain.DesktopSession;

/**
 * Claims for the jobs that follow desktops and sessions (each row is claimed by one replica at a
 * time), and the insert of a session that the database keeps to one open session per user.
 */
@ApplicationScoped
public class DesktopRepository {

    /** The SQL state PostgreSQL and H2 give a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** The unique column that holds a session's user while it is open. */
    private static final String OPEN_USER_COLUMN = "open_user_id";

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

    /**
     * Inserts a session just opened, now rather than at the commit. False when the database refused it as
     * its user's second open session: another replica opened one in the same instant. Any other failure
     * (a lost connection among them) is thrown as it came.
     */
    public boolean insertOpenSession(DesktopSession session) {
        try {
            em.persist(session);
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (violatesOneOpenSessionPerUser(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * True when {@code error} is the unique constraint on {@code desktop_session.open_user_id} refusing a row:
     * SQL state 23505 (a unique violation, on PostgreSQL and H2 alike) for the constraint the message quotes
     * first, which PostgreSQL names {@code desktop_session_open_user_id_key} and H2 describes with its column
     * (as Hibernate's dialects read constraint names). The primary key's violation has the same SQL state and
     * is not this one.
     */
    static boolean violatesOneOpenSessionPerUser(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return quotedConstraint(sql.getMessage()).contains(OPEN_USER_COLUMN);
            }
        }
        return false;
    }

    /** The text between the message's first pair of double quotes, lower-case; empty when there is none. */
    private static String quotedConstraint(String message) {
        int start = message == null ? -1 : message.indexOf('"');
        int end = start < 0 ? -1 : message.indexOf('"', start + 1);
        return end < 0 ? "" : message.substring(start + 1, end).toLowerCase(Locale.ROOT);
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
