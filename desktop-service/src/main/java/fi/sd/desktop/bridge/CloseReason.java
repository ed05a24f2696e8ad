package fi.sd.desktop.bridge;

/**
 * Why a viewer's WebSocket was closed, with the close code the viewer sees (RFC 6455; 4000-4999 are
 * this application's own).
 */
public enum CloseReason {
    VIEWER_CLOSED(1000, "the viewer closed the connection"),
    SHUTTING_DOWN(1001, "desktop-service is shutting down"),
    SESSION_ENDED(4001, "the session ended"),
    DESKTOP_ENDED(4002, "the desktop's console ended"),
    NO_HEARTBEAT(4003, "the viewer sent no heartbeat");

    private final short code;
    private final String text;

    CloseReason(int code, String text) {
        this.code = (short) code;
        this.text = text;
    }

    public short code() {
        return code;
    }

    public String text() {
        return text;
    }
}
