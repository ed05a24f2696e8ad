package fi.sd.desktop.provider.local;

import java.util.ArrayList;
import java.util.List;

import fi.sd.desktop.provider.DataAttachment;

/**
 * The command line that starts one desktop's sandbox:
 * <ol>
 * <li>{@code prlimit}: the flavour as resource limits of every process in it (address space = the flavour's
 * memory, the largest file = its volume, processes and open files capped, no core dumps). cgroup v2 limits
 * are not used: see the README.</li>
 * <li>{@code setpriv} (when the service runs as root): the desktop's own host uid and gid, no supplementary
 * groups, no capabilities (bounding set emptied), no new privileges.</li>
 * <li>{@code bwrap}: new user (uid 1000 "researcher" inside, no capabilities, no further user namespaces),
 * network (only {@code lo}), PID, IPC, UTS and cgroup namespaces; the host's {@code /usr} and {@code /etc}
 * read-only, a private {@code /tmp}, the home read-write, each release read-only at
 * {@code /data/{datasetId}/{releaseId}}, the workspace's imports read-only and its export folder; a clean
 * environment; killed with its supervisor ({@code --die-with-parent}); its namespaces' ids written to
 * standard output ({@code --info-fd 1}).</li>
 * </ol>
 */
final class SandboxCommand {

    static final String HOME_IN_SANDBOX = "/home/researcher";

    private SandboxCommand() {
    }

    /** What the command needs besides the layout: the server, its host uid (null: no change of user) and the limits. */
    record Limits(long addressSpaceBytes, long largestFileBytes, int maxProcesses, int maxOpenFiles) {
    }

    static List<String> of(LocalServer server, LocalLayout layout, Integer hostUid, Limits limits, String screen) {
        List<String> command = new ArrayList<>(List.of("prlimit",
                "--as=" + limits.addressSpaceBytes(),
                "--fsize=" + limits.largestFileBytes(),
                "--nproc=" + limits.maxProcesses(),
                "--nofile=" + limits.maxOpenFiles(),
                "--core=0",
                "--"));
        if (hostUid != null) {
            command.addAll(List.of("setpriv", "--reuid=" + hostUid, "--regid=" + hostUid, "--clear-groups", "--inh-caps=-all",
                    "--bounding-set=-all", "--no-new-privs", "--"));
        }
        command.addAll(List.of("bwrap",
                "--unshare-user", "--uid", "1000", "--gid", "1000", "--disable-userns",
                "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--hostname", "sd-desktop",
                "--die-with-parent", "--new-session", "--cap-drop", "ALL",
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--ro-bind", "/etc", "/etc",
                "--ro-bind", layout.passwd(server.id()).toString(), "/etc/passwd",
                "--ro-bind", layout.group(server.id()).toString(), "/etc/group",
                "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--tmpfs", "/run",
                "--bind", layout.home(server.id()).toString(), HOME_IN_SANDBOX,
                "--bind", layout.export(server.workspaceId()).toString(), "/export",
                "--ro-bind", layout.imports(server.workspaceId()).toString(), "/imports",
                "--dir", "/data"));
        for (DataAttachment release : server.data()) {
            command.addAll(List.of("--ro-bind", layout.release(release.releaseId()).toString(),
                    "/data/" + LocalLayout.segment(release.datasetId()) + "/" + LocalLayout.segment(release.releaseId())));
        }
        command.addAll(List.of(
                "--ro-bind", layout.sessionScript().toString(), "/opt/sd-desktop/session.sh",
                "--ro-bind", layout.welcome().toString(), "/opt/sd-desktop/welcome.txt",
                "--remount-ro", "/",
                "--clearenv",
                "--setenv", "HOME", HOME_IN_SANDBOX,
                "--setenv", "USER", "researcher",
                "--setenv", "LOGNAME", "researcher",
                "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
                "--setenv", "LANG", "C.UTF-8",
                "--setenv", "TERM", "xterm",
                "--setenv", "SD_SCREEN", screen,
                "--chdir", HOME_IN_SANDBOX,
                "--info-fd", "1",
                "/bin/bash", "/opt/sd-desktop/session.sh"));
        return command;
    }
}
