package fi.sd.permit.domain;

/** A permit is active from its recording until it expires or its issuer revokes it; both are final. */
public enum PermitStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
