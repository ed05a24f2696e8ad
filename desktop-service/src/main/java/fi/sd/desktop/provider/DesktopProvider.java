package fi.sd.desktop.provider;

/**
 * A cloud that runs desktops as servers, in the manner of OpenStack Nova: every call only asks for
 * a change and returns at once (Nova answers 202); the outcome shows later in {@link #status}, which
 * the service polls. Calls are made inside the service's transaction. A call the cloud refuses
 * (over quota, wrong server state) throws {@link ProviderException}.
 */
public interface DesktopProvider {

    /** Asks for a server with its boot volume; it is in {@link ServerState#BUILD} until it is ACTIVE or in ERROR. */
    ServerRef create(ServerSpec spec);

    ServerStatus status(String serverId);

    void pause(String serverId);

    /** Undoes {@link #pause}. */
    void unpause(String serverId);

    /** A soft reboot: REBOOT, then ACTIVE. */
    void reboot(String serverId);

    /** Shuts the server off (SHUTOFF), keeping its volume. */
    void stop(String serverId);

    /** Starts a SHUTOFF server. */
    void start(String serverId);

    /** Deletes the server and its volume; the server reads DELETED once gone. */
    void delete(String serverId);
}
