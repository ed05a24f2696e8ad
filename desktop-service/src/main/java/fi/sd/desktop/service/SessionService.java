package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.domain.DesktopSession;
import fi.sd.desktop.domain.DesktopStatus;
import fi.sd.desktop.domain.SessionCommand;
import fi.sd.desktop.domain.SessionStatus;
import fi.sd.desktop.domain.Staff;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceLockdown;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.desktop.repository.DesktopRepository;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** Remote sessions: who may open one, how long it lives, and what ends it. */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final Clock clock;
    private final EntityManager em;
    private final DesktopConfig.Sessions config;
    private final ConnectTokens tokens;
    private final DesktopRepository repository;
    private final AuditLog auditLog;

    @Inject
    public SessionService(Clock clock, EntityManager em, DesktopConfig config, ConnectTokens tokens, DesktopRepository repository,
            AuditLog auditLog) {
        this.clock = clock;
        this.em = em;
        this.config = config.sessions();
        this.tokens = tokens;
        this.repository = repository;
        this.auditLog = auditLog;
    }

    /**
     * Opens a session for a member signed in with a second factor, on a running desktop of a ready
     * workspace. A user has one open session at a time: a second is refused with 409 naming the first.
     */
    @Transactional
    public OpenedSession open(String desktopId, Caller caller) {
        Desktop desktop = Desktop.<Desktop>findByIdOptional(desktopId).orElseThrow(() -> ProblemException.notFound("Desktop", desktopId));
        Workspace workspace = desktop.workspace();
        if (!workspace.visibleTo(caller)) {
            throw refused(desktop, caller, "not a member", ProblemException.notFound("Desktop", desktopId));
        }
        if (!workspace.members.contains(caller.subject())) {
            throw refused(desktop, caller, "not a member",
                    ProblemException.forbidden("Only the workspace's members may open sessions to its desktops"));
        }
        if (!caller.mfa()) {
            throw refused(desktop, caller, "no second factor",
                    ProblemException.forbidden("A session needs a sign-in with a second factor (mfa in amr)"));
        }
        if (workspace.status != WorkspaceStatus.READY) {
            throw refused(desktop, caller, "workspace " + workspace.status,
                    ProblemException.conflict("The workspace is " + workspace.status + ": no sessions can be opened"));
        }
        String sessionId = UUID.randomUUID().toString();
        // A refusal below rolls the entry back with the rest.
        auditLog.record(workspace.id, caller.subject(), "session.opened", "session " + sessionId + " on desktop " + desktopId);
        // Serialises openings on one desktop, so that its session limit holds across replicas.
        em.lock(desktop, LockModeType.PESSIMISTIC_WRITE);
        if (desktop.status != DesktopStatus.RUNNING) {
            throw ProblemException.conflict("The desktop is " + desktop.status + ": sessions need it RUNNING");
        }
        Optional<DesktopSession> own = DesktopSession.openOf(caller.subject());
        if (own.isPresent()) {
            throw ProblemException.conflict("You already have an open session " + own.get().id + " on desktop " + own.get().desktopId
                    + ": close it first");
        }
        if (DesktopSession.countOpenOn(desktopId) >= config.maxPerDesktop()) {
            throw ProblemException.conflict("The desktop already has " + config.maxPerDesktop() + " open sessions");
        }
        Instant now = clock.instant();
        DesktopSession session = new DesktopSession();
        session.id = sessionId;
        session.desktopId = desktopId;
        session.workspaceId = workspace.id;
        session.userId = caller.subject();
        session.openUserId = caller.subject();
        session.status = SessionStatus.OPEN;
        session.openedAt = now;
        session.lastSeenAt = now;
        caller.signIn().ifPresent(session::bindTo);
        if (!repository.insertOpenSession(session)) {
            // Another replica opened this user's session in the same instant: the unique open_user_id refused the second.
            throw ProblemException.conflict("You already have an open session: close it first");
        }
        Instant tokenExpiresAt = now.plus(config.tokenLifetime());
        String connectUrl = config.connectUrl() + "/" + session.id + "?token=" + tokens.sign(session, tokenExpiresAt);
        LOG.infof("Session %s opened by %s on desktop %s", session.id, session.userId, desktopId);
        return new OpenedSession(session, connectUrl, tokenExpiresAt);
    }

    /** The session, to its user, the service desk, auditors and admins. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DesktopSession> find(String id, Caller caller) {
        return DesktopSession.<DesktopSession>findByIdOptional(id)
                .filter(s -> s.userId.equals(caller.subject()) || Staff.includes(caller));
    }

    /** Keeps the user's own open session from idling out. */
    @Transactional
    public DesktopSession heartbeat(String id, Caller caller) {
        DesktopSession session = visible(id, caller);
        if (!session.userId.equals(caller.subject())) {
            throw ProblemException.forbidden("Only the session's user keeps it alive");
        }
        session.apply(SessionCommand.HEARTBEAT, clock.instant());
        caller.signIn().ifPresent(signIn -> session.renew(signIn, caller.mfa()));
        return session;
    }

    /** Ends a session: its user or an admin. */
    @Transactional
    public void close(String id, Caller caller) {
        DesktopSession session = visible(id, caller);
        if (!session.userId.equals(caller.subject()) && !caller.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only the session's user or an admin may close it");
        }
        end(session, SessionCommand.CLOSE, caller.subject(), "closed");
    }

    /** Ends the open sessions of a desktop that stops serving them (paused, rebooted, deleted, stopped). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DesktopSession> endAllOn(Desktop desktop, String actor, String reason) {
        List<DesktopSession> open = DesktopSession.openOn(desktop.id);
        open.forEach(s -> end(s, SessionCommand.CLOSE, actor, reason));
        return open;
    }

    void onLockdown(@Observes WorkspaceLockdown lockdown) {
        endAllIn(lockdown.workspace(), "workspace locked");
    }

    /** Ends every open session of a workspace that is locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DesktopSession> endAllIn(Workspace workspace, String reason) {
        List<DesktopSession> open = DesktopSession.openIn(workspace.id);
        open.forEach(s -> end(s, SessionCommand.CLOSE, Caller.SYSTEM, reason));
        return open;
    }

    /** Expires up to {@code limit} sessions idle for longer than the idle timeout; returns how many. */
    @Transactional
    public int expireIdle(int limit) {
        Instant cutoff = clock.instant().minus(config.idleTimeout());
        List<String> ids = repository.claimIdleSessions(cutoff, limit);
        for (String id : ids) {
            end(em.find(DesktopSession.class, id), SessionCommand.EXPIRE, Caller.SYSTEM, "idle for " + config.idleTimeout());
        }
        return ids.size();
    }

    /**
     * Ends up to {@code limit} sessions whose sign-in ended more than the grace ago (no renewed token came:
     * the user logged out, was disabled, or left); returns how many. Token expiry is wall-clock time.
     */
    @Transactional
    public int endLapsedSignIns(int limit) {
        Instant cutoff = Instant.now().minus(config.signInGrace());
        List<String> ids = repository.claimLapsedSignIns(cutoff, limit);
        for (String id : ids) {
            end(em.find(DesktopSession.class, id), SessionCommand.EXPIRE, Caller.SYSTEM, "sign-in ended at the identity provider");
        }
        return ids.size();
    }

    public Duration idleTimeout() {
        return config.idleTimeout();
    }

    private void end(DesktopSession session, SessionCommand command, String actor, String reason) {
        session.apply(command, clock.instant());
        session.closedBy = actor;
        session.closeReason = reason;
        auditLog.record(session.workspaceId, actor, command == SessionCommand.EXPIRE ? "session.expired" : "session.closed",
                "session " + session.id + " of " + session.userId + " on desktop " + session.desktopId + ": " + reason);
        LOG.infof("Session %s of %s on desktop %s ended (%s): %s", session.id, session.userId, session.desktopId, command, reason);
    }

    /**
     * Records an access denial in a transaction of its own (the request's is rolled back) and returns
     * the refusal to throw. Only for refusals before the desktop is locked: its own entry then waits on
     * nothing this transaction holds.
     */
    private ProblemException refused(Desktop desktop, Caller caller, String why, ProblemException refusal) {
        auditLog.recordDenial(desktop.workspaceId, caller.subject(), "session.refused", "desktop " + desktop.id + ": " + why);
        return refusal;
    }

    private DesktopSession visible(String id, Caller caller) {
        return find(id, caller).orElseThrow(() -> ProblemException.notFound("Session", id));
    }
}
