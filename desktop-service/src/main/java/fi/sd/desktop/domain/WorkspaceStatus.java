package fi.sd.desktop.domain;

/** A workspace is provisioned for a permit, used while the permit is active, locked when it ends and purged after retention. */
public enum WorkspaceStatus {
    PROVISIONING,
    READY,
    LOCKED,
    PURGED
}
