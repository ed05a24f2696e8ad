package fi.sd.desktop.domain;

/** What can happen to a desktop, each an entry of {@link Desktop#LIFECYCLE}: members' commands and the cloud's answers. */
public enum DesktopCommand {
    /** The cloud reports the server active. */
    PROVISIONED,
    /** The cloud reports an error, or refused the request. */
    FAIL,
    PAUSE,
    RESUME,
    REBOOT,
    /** The cloud reports the rebooted server active again. */
    REBOOTED,
    /** The workspace was locked: the server is shut off. */
    STOP,
    DELETE,
    /** The cloud reports the server gone. */
    DELETED,
    /** The workspace is purged: the desktop and its volume are deleted, whatever they were doing. */
    PURGE
}
