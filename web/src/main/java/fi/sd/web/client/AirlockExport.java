package fi.sd.web.client;

import java.time.Instant;
import java.util.List;

/**
 * Results asked to leave a workspace, under the two-person rule: {@code requiredApprovals} names the
 * reviewer roles it needs (service-desk; for HIGH risk permit-authority too), each from another person.
 * {@code COPYING} until the service has copied its files, or {@code COPY_FAILED} with {@code copyError}.
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
        Instant updatedAt,
        String copyError) {

    public boolean in(String... states) {
        return List.of(states).contains(status);
    }

    /** Awaiting review: its reviewers may decide. */
    public boolean pending() {
        return in("SUBMITTED", "IN_REVIEW");
    }

    /** Its files are still being copied: nothing to review yet, and its page follows the copy. */
    public boolean copying() {
        return in("COPYING");
    }

    public boolean copyFailed() {
        return in("COPY_FAILED");
    }

    /** Its requester may still withdraw it: while it is copied or reviewed. */
    public boolean cancellable() {
        return copying() || pending();
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

    /** {@code sha256} is null while the export is copied. */
    public record File(String path, long sizeBytes, String sha256) {
    }
}
