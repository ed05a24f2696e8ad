package fi.sd.desktop.provider;

import java.nio.file.Path;
import java.util.List;

/**
 * A cloud that runs desktops as servers, in the manner of OpenStack Nova: every call only asks for
 * a change and returns at once (Nova answers 202); the outcome shows later in {@link #status}, which
 * the service polls. Calls are made outside the service's transactions (by the provider command
 * runner and the status poll), and may be repeated after a crash: {@link #create} builds one server
 * per desktop id however often it is asked. A call the cloud refuses (over quota, wrong server
 * state) throws {@link ProviderException}.
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

    /** The data releases the server shows from its next start or reboot on (a cloud attaches and detaches volumes). */
    void attachData(String serverId, List<DataAttachment> data);

    /**
     * Where the server's VNC console listens: a Unix socket the remote-desktop bridge connects to. A
     * cloud whose consoles are reached otherwise refuses ({@link ProviderException}).
     */
    Path consoleSocket(String serverId);
}
