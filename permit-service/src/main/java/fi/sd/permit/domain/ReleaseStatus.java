package fi.sd.permit.domain;

/** Where a release stands: its files are being uploaded, or all are stored and verified and it is announced. */
public enum ReleaseStatus {
    UPLOADING,
    RELEASED
}
