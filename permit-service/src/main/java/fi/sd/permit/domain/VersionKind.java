package fi.sd.permit.domain;

/** What made a permit version. */
public enum VersionKind {
    RECORDED,
    AMENDED,
    REVOKED
}
