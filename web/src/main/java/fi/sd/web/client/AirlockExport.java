package fi.sd.web.client;

import java.time.Instant;
import java.util.List;

/**
 * Results asked to leave a workspace, under the two-person rule: {@code requiredApprovals} names the
 * reviewer roles it needs (service-desk; for HIGH risk permit-authority too), each from another person.
 */
public record AirlockExport(
        String id,
        String workspaceId,
        String permitId,
        String projectId,
        String status,
        List<File> files,
        String riskLevel,
        String riskAssessment,
        String findataNotificationRef,
        String requestedBy,
        Instant requestedAt,
        List<String> requiredApprovals,
        List<Decision> decisions,
        Instant updatedAt) {

    public boolean in(String... states) {
        return List.of(states).contains(status);
    }

    public boolean pending() {
        return in("SUBMITTED", "IN_REVIEW");
    }

    public List<Decision> approvals() {
        return decisions == null ? List.of() : decisions.stream().filter(Decision::approval).toList();
    }

    /** The roles whose approval is still missing. */
    public List<String> missingApprovals() {
        List<String> given = approvals().stream().map(Decision::role).toList();
        return requiredApprovals == null ? List.of() : requiredApprovals.stream().filter(role -> !given.contains(role)).toList();
    }

    public boolean approvedBy(String userId) {
        return approvals().stream().anyMatch(d -> d.actor().equals(userId));
    }

    public long totalBytes() {
        return files == null ? 0 : files.stream().mapToLong(File::sizeBytes).sum();
    }

    public record File(String path, long sizeBytes, String sha256) {
    }
}
