package fi.sd.permit.domain;

/** Where an access application stands for releases: approved, or ended for good. */
public enum AccessApplicationState {
    APPROVED,
    REVOKED,
    CLOSED;

    public boolean ended() {
        return this != APPROVED;
    }
}
