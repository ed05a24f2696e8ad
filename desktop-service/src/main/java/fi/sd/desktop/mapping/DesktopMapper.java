package fi.sd.desktop.mapping;

import java.time.Duration;

import fi.sd.desktop.api.DesktopView;
import fi.sd.desktop.api.OpenedSessionView;
import fi.sd.desktop.api.SessionView;
import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.domain.DesktopSession;
import fi.sd.desktop.domain.SessionStatus;
import fi.sd.desktop.service.OpenedSession;

/** From desktops and sessions to their API views. */
public final class DesktopMapper {

    private DesktopMapper() {
    }

    public static DesktopView toView(Desktop desktop) {
        return new DesktopView(desktop.id, desktop.workspaceId, desktop.name, desktop.flavour, desktop.cores, desktop.memoryGb,
                desktop.image, desktop.volumeGb, desktop.status, desktop.error, desktop.createdBy, desktop.createdAt, desktop.updatedAt);
    }

    public static SessionView toView(DesktopSession session, Duration idleTimeout) {
        return new SessionView(session.id, session.desktopId, session.workspaceId, session.userId, session.status, session.openedAt,
                session.lastSeenAt, session.status == SessionStatus.OPEN ? session.expiresAt(idleTimeout) : null, session.closedAt,
                session.closedBy, session.closeReason);
    }

    public static OpenedSessionView toView(OpenedSession opened, Duration idleTimeout) {
        return new OpenedSessionView(opened.session().id, opened.session().desktopId, opened.connectUrl(),
                opened.session().expiresAt(idleTimeout), opened.tokenExpiresAt());
    }
}
