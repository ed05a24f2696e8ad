package fi.sd.desktop.domain;

/**
 * Where an export stands. {@code IN_REVIEW}: some, not all, of the approvals it needs are in
 * (a {@code HIGH} risk export needs the service desk and the permit authority).
 */
public enum ExportStatus {
    SUBMITTED,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    CANCELLED
}
