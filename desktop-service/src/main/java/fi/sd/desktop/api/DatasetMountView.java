package fi.sd.desktop.api;

import fi.sd.desktop.domain.ReleaseDelivery;

/** A dataset mounted into a workspace, and whether its files are in the desktops yet ({@code delivery}). */
public record DatasetMountView(String datasetId, String releaseId, String mountPath, boolean readOnly, ReleaseDelivery delivery) {
}
