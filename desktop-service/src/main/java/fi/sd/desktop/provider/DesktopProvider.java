package fi.sd.desktop.provider;

import java.io.IOException;
import java.io.InputStream;
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
     * Puts one of a release's files, decrypted, where the servers that show the release see it, whether or not
     * any runs yet. The file appears whole or not at all (written under another name, then renamed), and only
     * with the size and SHA-256 the release declares ({@link ProviderException} otherwise, nothing left
     * behind); delivering it again replaces it. Reads {@code content} to its end; does not close it.
     */
    void deliverReleaseFile(DataAttachment release, DataAttachment.File file, InputStream content);

    /**
     * Puts one of an import's uploaded files, decrypted, at {@code /imports/{importId}/{name}} (read-only) in the
     * workspace's desktops, as {@link #deliverReleaseFile} does for a release: whole and checked against
     * {@code file}'s size and SHA-256, or not at all; delivering it again replaces it.
     */
    void deliverImportFile(String workspaceId, String importId, DataAttachment.File file, InputStream content);

    /**
     * Opens a file that the workspace's desktops left in their {@code /export} folder, at {@code path} relative to
     * it, for an export request to copy. Refuses ({@link ExportedFileRefused}) a missing path, anything but a
     * regular file, a symbolic link anywhere on the path and a path resolving outside the folder: an export takes
     * nothing but what the desktops' users put there.
     */
    ExportedContent openExportedFile(String workspaceId, String path);

    /**
     * The size of a file of the workspace's {@code /export} folder, refused as {@link #openExportedFile} refuses
     * it: what an export request checks at once, before the file is copied.
     */
    default long exportedFileSize(String workspaceId, String path) throws IOException {
        try (ExportedContent content = openExportedFile(workspaceId, path)) {
            return content.sizeBytes();
        }
    }

    /**
     * Removes what this host holds of a purged workspace: the decrypted copies of its releases and its import
     * and export folders. Safe to repeat.
     */
    void eraseWorkspaceData(String workspaceId, List<String> releaseIds);

    /**
     * Where the server's VNC console listens: a Unix socket the remote-desktop bridge connects to. A
     * cloud whose consoles are reached otherwise refuses ({@link ProviderException}).
     */
    Path consoleSocket(String serverId);
}
