package fi.sd.desktop.domain;

/**
 * Where an import stands (AzureTRE's airlock states, without its asynchronous in-progress steps):
 * the service desk approves or rejects it, then brings it in ({@code COMPLETED}) or reports that
 * it could not ({@code FAILED}).
 */
public enum ImportStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    COMPLETED,
    FAILED,
    CANCELLED
}
