package fi.sd.apply.domain;

/** A permit's status as permit-service last announced it. */
public enum PermitStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
