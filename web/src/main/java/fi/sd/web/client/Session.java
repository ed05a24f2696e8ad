package fi.sd.web.client;

import java.time.Instant;

/** A session to a desktop; {@code status} is OPEN, CLOSED or EXPIRED. */
public record Session(
        String sessionId,
        String desktopId,
        String workspaceId,
        String userId,
        String status,
        Instant openedAt,
        Instant lastSeenAt,
        Instant expiresAt,
        Instant closedAt,
        String closedBy,
        String closeReason) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
