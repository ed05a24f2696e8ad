package fi.sd.desktop.api;

/** A dataset mounted into a workspace. */
public record DatasetMountView(String datasetId, String releaseId, String mountPath, boolean readOnly) {
}
