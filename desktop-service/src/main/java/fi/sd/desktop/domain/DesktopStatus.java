package fi.sd.desktop.domain;

/** A desktop as its members see it; CREATING, REBOOTING and DELETING wait on the cloud. */
public enum DesktopStatus {
    CREATING,
    RUNNING,
    PAUSED,
    REBOOTING,
    /** Shut off because its workspace was locked; resumable once the workspace is unlocked. */
    STOPPED,
    FAILED,
    DELETING,
    DELETED
}
