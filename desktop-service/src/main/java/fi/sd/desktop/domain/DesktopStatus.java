package fi.sd.desktop.domain;

/** A desktop as its members see it; CREATING, REBOOTING and DELETING wait on the cloud. */
public enum DesktopStatus {
    CREATING,
    RUNNING,
    PAUSED,
    REBOOTING,
    /** Shut off because its workspace was locked (resumable once it is unlocked), or because its server ended while paused. */
    STOPPED,
    FAILED,
    DELETING,
    DELETED
}
