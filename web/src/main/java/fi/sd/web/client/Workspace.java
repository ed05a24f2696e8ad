package fi.sd.web.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A project's secure workspace (one per permit) and the datasets mounted in it. */
public record Workspace(
        String id,
        String permitId,
        String projectId,
        String status,
        List<String> members,
        List<Mount> datasets,
        LocalDate validUntil,
        Instant purgeAfter,
        Instant createdAt,
        Instant updatedAt) {

    public boolean ready() {
        return "READY".equals(status);
    }

    public boolean hasMember(String userId) {
        return members != null && members.contains(userId);
    }

    public record Mount(String datasetId, String releaseId, String mountPath, boolean readOnly) {
    }
}
