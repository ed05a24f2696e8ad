package fi.sd.events.desktop;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** The service desk brought an approved import into the workspace. */
public record ImportCompleted(String importId, String workspaceId, String permitId, ImportKind kind, String actor, Instant occurredAt)
        implements EventPayload {
}
