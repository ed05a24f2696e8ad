package fi.sd.events.desktop;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A reviewer rejected an export; nothing leaves the workspace. */
public record ExportRejected(String exportId, String workspaceId, String permitId, ExportReview rejection, Instant occurredAt)
        implements EventPayload {
}
