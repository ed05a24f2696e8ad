package fi.sd.desktop.api;

import java.time.Instant;

import fi.sd.desktop.domain.SessionStatus;

/** A session; {@code expiresAt} is when an open session idles out unless a heartbeat comes first. */
public record SessionView(
        String sessionId,
        String desktopId,
        String workspaceId,
        String userId,
        SessionStatus status,
        Instant openedAt,
        Instant lastSeenAt,
        Instant expiresAt,
        Instant closedAt,
        String closedBy,
        String closeReason) {
}
