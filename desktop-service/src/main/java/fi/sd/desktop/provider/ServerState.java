package fi.sd.desktop.provider;

/** A server's status as OpenStack Nova reports it (the subset a desktop goes through). */
public enum ServerState {
    BUILD,
    ACTIVE,
    PAUSED,
    SHUTOFF,
    REBOOT,
    ERROR,
    /** Gone: Nova answers 404, or DELETED while it cleans up. */
    DELETED
}
