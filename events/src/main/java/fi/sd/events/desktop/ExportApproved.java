package fi.sd.events.desktop;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/** Every review an export needs approved it; its files may leave the workspace. */
public record ExportApproved(
        String exportId,
        String workspaceId,
        String permitId,
        List<ExportFile> files,
        List<ExportReview> approvals,
        Instant occurredAt) implements EventPayload {
}
