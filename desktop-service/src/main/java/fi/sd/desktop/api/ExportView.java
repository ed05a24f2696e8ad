package fi.sd.desktop.api;

import java.time.Instant;
import java.util.List;

import fi.sd.desktop.domain.ExportStatus;
import fi.sd.events.desktop.ExportFile;
import fi.sd.events.desktop.RiskLevel;

/**
 * An export with its files and every decision on it. {@code requiredApprovals}: the reviewer
 * roles it needs ({@code service-desk}, and {@code permit-authority} for {@code HIGH} risk).
 * While {@code COPYING}, each file's {@code sizeBytes} is its size at request time and its {@code sha256} is null;
 * {@code copyError}: while {@code COPYING}, why the last copy attempt failed (it is tried again), in
 * {@code COPY_FAILED}, why the copy failed; else null.
 */
public record ExportView(
        String id,
        String workspaceId,
        String permitId,
        String projectId,
        ExportStatus status,
        List<ExportFile> files,
        RiskLevel riskLevel,
        String riskAssessment,
        String findataNotificationRef,
        String requestedBy,
        Instant requestedAt,
        List<String> requiredApprovals,
        List<DecisionView> decisions,
        Instant updatedAt,
        String copyError) {
}
