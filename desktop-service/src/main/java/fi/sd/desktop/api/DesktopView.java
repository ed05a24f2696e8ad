package fi.sd.desktop.api;

import java.time.Instant;

import fi.sd.desktop.domain.DesktopStatus;

/** A desktop as those who see its workspace see it; {@code error} is the cloud's reason when FAILED. */
public record DesktopView(
        String id,
        String workspaceId,
        String name,
        String flavour,
        int cores,
        int memoryGb,
        String image,
        int volumeGb,
        DesktopStatus status,
        String error,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {
}
