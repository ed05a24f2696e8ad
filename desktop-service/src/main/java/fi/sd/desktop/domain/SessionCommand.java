package fi.sd.desktop.domain;

/** What can happen to a session, each an entry of {@link DesktopSession#LIFECYCLE}. */
public enum SessionCommand {
    /** The client shows the session is in use. */
    HEARTBEAT,
    /** Its user or an admin ended it, or its desktop or workspace stopped. */
    CLOSE,
    /** No heartbeat within the idle timeout. */
    EXPIRE
}
