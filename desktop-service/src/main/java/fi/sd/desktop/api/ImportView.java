package fi.sd.desktop.api;

import java.time.Instant;
import java.util.List;

import fi.sd.desktop.domain.ImportStatus;
import fi.sd.events.desktop.ImportKind;

/** An import, with its files, as members, the service desk, auditors and admins see it. */
public record ImportView(
        String id,
        String workspaceId,
        String permitId,
        ImportKind kind,
        String description,
        ImportStatus status,
        List<ImportFileView> files,
        String requestedBy,
        Instant requestedAt,
        List<DecisionView> decisions,
        Instant updatedAt) {
}
