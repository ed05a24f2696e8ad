package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.domain.ConnectTokenUse;
import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.domain.DesktopSession;
import fi.sd.desktop.domain.DesktopStatus;
import fi.sd.desktop.domain.SessionStatus;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.ProblemException;

/**
 * Who may connect a viewer to a desktop: the bearer of a valid connect token (see {@link ConnectTokens}),
 * used once, for the session it was issued for, whose user it names, while that session is open, its
 * desktop running and its workspace ready. Every connection and every refusal is in the audit log (a
 * refusal in a transaction of its own).
 */
@ApplicationScoped
public class ConnectService {

    private static final Logger LOG = Logger.getLogger(ConnectService.class);
    /** The actor of a refusal whose token proves no identity. */
    static final String UNKNOWN = "unknown";

    private final ConnectTokens tokens;
    private final EntityManager em;
    private final Clock clock;
    private final AuditLog auditLog;

    @Inject
    public ConnectService(ConnectTokens tokens, EntityManager em, Clock clock, AuditLog auditLog) {
        this.tokens = tokens;
        this.em = em;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /** A connection let through: to whose session, on which desktop and server. */
    public record Admission(String sessionId, String desktopId, String workspaceId, String userId, String serverId) {
    }

    /** Admits a viewer's connection to {@code sessionId} with {@code token}, or refuses it with 401, 403 or 409 (audited). */
    @Transactional
    public Admission admit(String sessionId, String token, String client) {
        DesktopSession session = sessionId == null ? null : DesktopSession.findById(sessionId);
        String workspaceId = session == null ? null : session.workspaceId;
        ConnectTokens.Verified claims;
        try {
            claims = tokens.verify(token);
        } catch (ConnectTokenRefused e) {
            throw refused(workspaceId, UNKNOWN, 401, "The connect token is not valid: " + e.getMessage() + ".",
                    "session " + sessionId + " from " + client + ": token " + e.getMessage());
        }
        if (session == null || !claims.sessionId().equals(session.id) || !claims.subject().equals(session.userId)
                || !claims.desktopId().equals(session.desktopId)) {
            throw refused(workspaceId, claims.subject(), 403, "This connect token was not issued for this session.",
                    "session " + sessionId + (session == null ? "" : " of " + session.userId) + " from " + client + ": token of "
                            + claims.subject() + " for session " + claims.sessionId() + " on desktop " + claims.desktopId());
        }
        if (ConnectTokenUse.findById(claims.tokenId()) != null) {
            throw reused(session, client);
        }
        ConnectTokenUse use = new ConnectTokenUse();
        use.jti = claims.tokenId();
        use.sessionId = session.id;
        use.usedAt = clock.instant();
        try {
            use.persist();
            em.flush();
        } catch (PersistenceException e) {
            // Another replica admitted the same token in the same instant: the unique token id refused the second.
            throw reused(session, client);
        }
        if (session.status != SessionStatus.OPEN) {
            throw refused(workspaceId, session.userId, 403, "The session has ended (" + session.status + ").",
                    "session " + session.id + " from " + client + ": the session is " + session.status);
        }
        Desktop desktop = em.find(Desktop.class, session.desktopId);
        Workspace workspace = em.find(Workspace.class, session.workspaceId);
        if (workspace.status != WorkspaceStatus.READY || desktop.status != DesktopStatus.RUNNING) {
            throw refused(workspaceId, session.userId, 409, "The desktop is " + desktop.status + " in a " + workspace.status
                    + " workspace: it cannot be shown.", "session " + session.id + " from " + client + ": desktop " + desktop.status
                    + ", workspace " + workspace.status);
        }
        auditLog.record(workspaceId, session.userId, "session.connected", "session " + session.id + " on desktop " + desktop.id
                + " from " + client);
        LOG.infof("Viewer of %s connected to session %s on desktop %s", session.userId, session.id, desktop.id);
        return new Admission(session.id, desktop.id, workspaceId, session.userId, desktop.serverId);
    }

    /** Records that a viewer's connection ended, and why. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void disconnected(Admission admission, String reason, Duration connectedFor, long bytesToViewer) {
        auditLog.record(admission.workspaceId(), admission.userId(), "session.disconnected", "session " + admission.sessionId()
                + " on desktop " + admission.desktopId() + ": " + reason + " after " + connectedFor.toSeconds() + " s, "
                + bytesToViewer + " bytes shown");
        LOG.infof("Viewer of %s disconnected from session %s: %s", admission.userId(), admission.sessionId(), reason);
    }

    private ProblemException reused(DesktopSession session, String client) {
        return refused(session.workspaceId, session.userId, 401, "The connect token has been used already: open a new session.",
                "session " + session.id + " from " + client + ": token used already");
    }

    /** Records the refusal in a transaction of its own (the connection's is rolled back) and returns it to throw. */
    private ProblemException refused(String workspaceId, String actor, int status, String detail, String auditDetail) {
        auditLog.recordDenial(workspaceId, actor, "session.connect.refused", auditDetail);
        LOG.infof("Viewer connection refused (%d): %s", status, auditDetail);
        return switch (status) {
            case 401 -> new ProblemException(ProblemType.UNAUTHENTICATED, detail, null);
            case 403 -> ProblemException.forbidden(detail);
            default -> ProblemException.conflict(detail);
        };
    }
}
