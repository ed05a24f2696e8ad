package fi.sd.events.desktop;

/** Why a workspace was locked. */
public enum LockReason {
    PERMIT_EXPIRED,
    PERMIT_REVOKED
}
