package fi.sd.events.desktop;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/** A locked workspace's desktops, volumes and mounts were deleted after the retention period. */
public record WorkspacePurged(
        String workspaceId,
        String permitId,
        String projectId,
        List<DeletedResource> deleted,
        Instant occurredAt) implements EventPayload {
}
