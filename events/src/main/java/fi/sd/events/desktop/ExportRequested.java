package fi.sd.events.desktop;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/** A member asked for results to leave the workspace; they wait for review. */
public record ExportRequested(
        String exportId,
        String workspaceId,
        String permitId,
        List<ExportFile> files,
        RiskLevel riskLevel,
        String requestedBy,
        Instant occurredAt) implements EventPayload {
}
