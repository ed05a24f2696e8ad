package fi.sd.events.desktop;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A member asked the service desk to bring software or data into a workspace. */
public record ImportRequested(
        String importId,
        String workspaceId,
        String permitId,
        ImportKind kind,
        String description,
        String requestedBy,
        Instant occurredAt) implements EventPayload {
}
