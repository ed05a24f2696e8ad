package fi.sd.events.desktop;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A workspace was locked: sessions ended, desktops stopped; it is purged after {@code purgeAfter}. */
public record WorkspaceLocked(
        String workspaceId,
        String permitId,
        String projectId,
        LockReason reason,
        Instant purgeAfter,
        Instant occurredAt) implements EventPayload {
}
