package fi.sd.desktop.provider.local;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the local provider keeps things on the host, under its state directory:
 * <pre>
 * servers/{serverId}/server.json   the server's record
 * servers/{serverId}/home/         its volume: /home/researcher in the desktop (owned by the desktop's uid)
 * servers/{serverId}/session.log   what its session printed
 * workspaces/{workspaceId}/export/  /export in each of the workspace's desktops (the airlock reads it)
 * workspaces/{workspaceId}/imports/ /imports in each of them, read-only (approved imports, by import id)
 * releases/{releaseId}/            /data/{datasetId}/{releaseId}, read-only: the release's files (its manifest until
 *                                  the data plane delivers the bytes into the same folder)
 * staging/                         files being delivered, renamed into their release's folder once whole and verified
 * bin/                             the session script and the welcome text, bound read-only into every desktop
 * </pre>
 */
final class LocalLayout {

    /** Ids that become path segments: nothing that could climb out of the folder it is placed in. */
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    /** Inside the desktop: where its VNC server listens. */
    static final String CONSOLE_IN_SANDBOX = "home/researcher/.vnc/display.sock";

    private final Path root;

    LocalLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path lockFile() {
        return root.resolve(".lock");
    }

    Path servers() {
        return root.resolve("servers");
    }

    Path server(String serverId) {
        return servers().resolve(segment(serverId));
    }

    Path record(String serverId) {
        return server(serverId).resolve("server.json");
    }

    Path home(String serverId) {
        return server(serverId).resolve("home");
    }

    Path log(String serverId) {
        return server(serverId).resolve("session.log");
    }

    Path passwd(String serverId) {
        return server(serverId).resolve("passwd");
    }

    Path group(String serverId) {
        return server(serverId).resolve("group");
    }

    Path workspace(String workspaceId) {
        return root.resolve("workspaces").resolve(segment(workspaceId));
    }

    Path export(String workspaceId) {
        return workspace(workspaceId).resolve("export");
    }

    Path imports(String workspaceId) {
        return workspace(workspaceId).resolve("imports");
    }

    Path release(String releaseId) {
        return root.resolve("releases").resolve(segment(releaseId));
    }

    /** Never bound into a desktop, and on the same file system as the releases' folders (a rename is atomic). */
    Path staging() {
        return root.resolve("staging");
    }

    Path bin() {
        return root.resolve("bin");
    }

    Path sessionScript() {
        return bin().resolve("desktop-session.sh");
    }

    Path welcome() {
        return bin().resolve("welcome.txt");
    }

    /** The id as a path segment; refused when it could name anything but a folder of its own. */
    static String segment(String id) {
        if (id == null || !SAFE_SEGMENT.matcher(id).matches()) {
            throw new IllegalArgumentException("Not usable as a folder name: " + id);
        }
        return id;
    }

    static boolean isSafeSegment(String id) {
        return id != null && SAFE_SEGMENT.matcher(id).matches();
    }
}
