package fi.sd.events.apply;

/** Why an entitlement ended. */
public enum AccessEndReason {
    END_DATE_REACHED,
    MEMBER_REMOVED,
    APPLICATION_CLOSED,
    APPLICATION_REVOKED,
    PERMIT_EXPIRED,
    PERMIT_REVOKED
}
