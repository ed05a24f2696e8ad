package fi.sd.desktop.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fi.sd.platform.domain.TransitionTable;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.SignIn;

/** One user's remote session to a desktop. */
@Entity
@Table(name = "desktop_session")
public class DesktopSession extends PanacheEntityBase {

    public static final TransitionTable<SessionStatus, SessionCommand> LIFECYCLE = TransitionTable
            .of(SessionStatus.class, SessionCommand.class)
            .allowInPlace(SessionCommand.HEARTBEAT, SessionStatus.OPEN)
            .allow(SessionStatus.OPEN, SessionCommand.CLOSE, SessionStatus.CLOSED)
            .allow(SessionStatus.OPEN, SessionCommand.EXPIRE, SessionStatus.EXPIRED)
            .build();

    @Id
    public String id;

    @Column(name = "desktop_id", nullable = false)
    public String desktopId;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    /**
     * The user id while the session is open, null after: a unique column, so that the database
     * itself keeps a user to one open session, whichever replica opens it.
     */
    @Column(name = "open_user_id", unique = true)
    public String openUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Who or what ended it: the user, an admin, or the system (idle, lock, desktop stopped). */
    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "close_reason")
    public String closeReason;

    /** The identity provider's session (sid) of the token that opened it; null when that token named none. */
    @Column(name = "sign_in_id")
    public String signInId;

    /** When the newest token of that sign-in presented expires (wall-clock time, as tokens are checked). */
    @Column(name = "signed_in_until")
    public Instant signedInUntil;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    /** Moves the session along {@link #LIFECYCLE}; a 409 problem when the command is not allowed in its status. */
    public void apply(SessionCommand command, Instant now) {
        status = LIFECYCLE.require(status, command);
        if (status == SessionStatus.OPEN) {
            lastSeenAt = now;
        } else {
            openUserId = null;
            closedAt = now;
        }
    }

    /** Binds the session to the sign-in behind the token that opens it. */
    public void bindTo(SignIn signIn) {
        signInId = signIn.sessionId().orElse(null);
        signedInUntil = signIn.tokenExpiresAt();
    }

    /**
     * A heartbeat's token keeps the session's sign-in alive: it must come from the sign-in that opened
     * the session (a new sign-in opens a new session) and carry the second factor, or 403.
     */
    public void renew(SignIn signIn, boolean mfa) {
        boolean sameSignIn = signInId == null || signIn.sessionId().filter(signInId::equals).isPresent();
        if (!sameSignIn || !mfa) {
            throw ProblemException.forbidden("Only a token of the sign-in with a second factor that opened the session keeps it alive;"
                    + " after signing in again, open a new session");
        }
        if (signedInUntil == null || signIn.tokenExpiresAt().isAfter(signedInUntil)) {
            signedInUntil = signIn.tokenExpiresAt();
        }
    }

    /** When an open session expires unless a heartbeat comes first. */
    public Instant expiresAt(Duration idleTimeout) {
        return lastSeenAt.plus(idleTimeout);
    }

    public static Optional<DesktopSession> openOf(String userId) {
        return find("openUserId", userId).firstResultOptional();
    }

    public static long countOpenOn(String desktopId) {
        return count("desktopId = ?1 and status = ?2", desktopId, SessionStatus.OPEN);
    }

    public static List<DesktopSession> openOn(String desktopId) {
        return list("desktopId = ?1 and status = ?2", desktopId, SessionStatus.OPEN);
    }

    public static List<DesktopSession> openIn(String workspaceId) {
        return list("workspaceId = ?1 and status = ?2", workspaceId, SessionStatus.OPEN);
    }
}
