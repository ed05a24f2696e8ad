package fi.sd.desktop.domain;

/** A remote session to a desktop: open until its user or an admin closes it, it idles out, or its workspace is locked. */
public enum SessionStatus {
    OPEN,
    CLOSED,
    EXPIRED
}
