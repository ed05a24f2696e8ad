package fi.sd.desktop.domain;

/**
 * What desktop-service asks the cloud to do with a desktop's server. Each is carried out by what
 * the server is when the command runs, so that running one twice does no harm: {@code RESUME} of a
 * server already active does nothing, of one shut off starts it.
 */
public enum ProviderAction {
    /** Build the server (once per desktop, however often asked). */
    CREATE,
    PAUSE,
    /** Make it run: unpause a paused server, start one that is shut off. */
    RESUME,
    /** Restart it keeping its volume; a server that is shut off (crashed) is started. */
    REBOOT,
    STOP,
    DELETE
}
