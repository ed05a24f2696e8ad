package fi.sd.desktop.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fi.sd.desktop.domain.WorkspaceStatus;

/** A workspace as its members, the service desk, auditors and admins see it. */
public record WorkspaceView(
        String id,
        String permitId,
        String projectId,
        WorkspaceStatus status,
        List<String> members,
        List<DatasetMountView> datasets,
        LocalDate validUntil,
        Instant purgeAfter,
        Instant createdAt,
        Instant updatedAt) {
}
