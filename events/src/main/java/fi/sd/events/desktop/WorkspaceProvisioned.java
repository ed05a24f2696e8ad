package fi.sd.events.desktop;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/** A permit's secure workspace is ready for its members. */
public record WorkspaceProvisioned(String workspaceId, String permitId, String projectId, List<String> members, Instant occurredAt)
        implements EventPayload {
}
