package fi.sd.desktop.domain;

/**
 * Where an export stands. {@code COPYING}: requested, its files being copied from the desktop's {@code /export}
 * folder into the encrypted store (reviewers see it once copied); {@code COPY_FAILED}: the copy could not be made,
 * for the reason the export gives. {@code IN_REVIEW}: some, not all, of the approvals it needs are in (a
 * {@code HIGH} risk export needs the service desk and the permit authority).
 */
public enum ExportStatus {
    COPYING,
    COPY_FAILED,
    SUBMITTED,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    CANCELLED
}
