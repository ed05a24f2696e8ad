package fi.sd.events.desktop;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A desktop and its volume were deleted, by a member or by a workspace purge. */
public record DesktopDeleted(String desktopId, String workspaceId, String permitId, String reason, String actor, Instant occurredAt)
        implements EventPayload {
}
