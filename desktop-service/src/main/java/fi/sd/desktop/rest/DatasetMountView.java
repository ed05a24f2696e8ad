package fi.sd.desktop.rest;

/** A dataset mounted into a workspace. */
public record DatasetMountView(String datasetId, String releaseId, String mountPath, boolean readOnly) {
}
