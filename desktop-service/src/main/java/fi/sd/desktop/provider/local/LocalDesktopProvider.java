package fi.sd.desktop.provider.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.provider.DataAttachment;
import fi.sd.desktop.provider.DesktopProvider;
import fi.sd.desktop.provider.ExportedContent;
import fi.sd.desktop.provider.ProviderException;
import fi.sd.desktop.provider.ServerRef;
import fi.sd.desktop.provider.ServerSpec;
import fi.sd.desktop.provider.ServerState;
import fi.sd.desktop.provider.ServerStatus;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Desktops as isolated Linux sessions on this host: each server is a bubblewrap sandbox with no network,
 * its own user, PID, IPC and UTS namespaces, running Xvfb, openbox, xterm and x11vnc on a Unix socket (see
 * {@link SandboxCommand} and {@code desktop/session.sh}). Its server id is its desktop's id, so a build
 * asked twice makes one server. Pause and resume stop and continue the sandbox's processes; a reboot ends
 * the sandbox and starts a new one on the same home; a stop ends it keeping the home; a delete ends it and
 * removes the home. A sandbox that ended on its own reads {@code SHUTOFF} (or {@code ERROR} while it was
 * still starting) with the end of its log as the fault, as a crashed guest does in a cloud.
 *
 * <p>Every replica of the service on this host shares the state directory; changes are made under one
 * file lock. The provider needs Debian's bubblewrap, xvfb, openbox, xterm and x11vnc, and runs each
 * desktop as a uid of its own when the service runs as root.
 */
@ApplicationScoped
@LookupIfProperty(name = "sd.desktop.provider.kind", stringValue = "local")
public class LocalDesktopProvider implements DesktopProvider {

    private static final Logger LOG = Logger.getLogger(LocalDesktopProvider.class);
    private static final long GIB = 1024L * 1024 * 1024;
    private static final int LOG_TAIL_LINES = 6;

    private final DesktopConfig.Provider.Local config;
    private final LocalLayout layout;
    private final LocalServers servers;
    private final Sandboxes sandboxes;
    private final boolean root;
    /** Real time: sandboxes boot in it, whatever the platform clock says. */
    private final Clock clock = Clock.systemUTC();

    @Inject
    public LocalDesktopProvider(DesktopConfig config, ObjectMapper json) {
        this.config = config.provider().local();
        this.layout = new LocalLayout(this.config.stateDir());
        this.root = HostUser.isRoot();
        this.servers = new LocalServers(layout, json);
        this.sandboxes = new Sandboxes(json, root);
        installSessionFiles();
        if (!root) {
            LOG.warn("desktop-service does not run as root: desktops run as its own user (in a user namespace) rather than as a uid"
                    + " of their own each");
        }
    }

    private void installSessionFiles() {
        try {
            Files.createDirectories(layout.bin());
            LocalFiles.restrictToOwnerAndTraverse(layout.root());
            for (String name : List.of("session.sh", "welcome.txt")) {
                Path target = name.equals("session.sh") ? layout.sessionScript() : layout.welcome();
                try (InputStream in = LocalDesktopProvider.class.getResourceAsStream("/desktop/" + name)) {
                    LocalFiles.writeAtomically(target, in.readAllBytes(), 0755);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The local desktop provider cannot prepare " + layout.root(), e);
        }
    }

    @Override
    public ServerRef create(ServerSpec spec) {
        return servers.locked(() -> {
            Optional<LocalServer> existing = servers.read(spec.desktopId());
            if (existing.isPresent()) {
                // Asked again (a command repeated after a crash): the same server, started if it is not running.
                LocalServer server = existing.get();
                if (server.desired() == ServerState.ACTIVE && !sandboxes.alive(server)) {
                    boot(server);
                }
                return ref(server);
            }
            List<LocalServer> all = servers.all();
            if (all.size() >= config.maxServers()) {
                throw new ProviderException("Quota exceeded for desktops on this host: " + all.size() + " of " + config.maxServers()
                        + " in use");
            }
            Set<Integer> used = new HashSet<>();
            all.forEach(s -> used.add(s.slot()));
            int slot = 0;
            while (used.contains(slot)) {
                slot++;
            }
            LocalServer server = new LocalServer(spec.desktopId(), spec.desktopId(), spec.workspaceId(), spec.name(), slot, spec.cores(),
                    spec.memoryGb(), spec.volumeGb(), spec.data(), ServerState.ACTIVE, null, null, null, null, false);
            prepareFolders(server);
            servers.write(server);
            boot(server);
            LOG.infof("Desktop %s: sandbox for '%s' started (host uid %s)", server.id(), server.name(), hostUid(server));
            return ref(server);
        });
    }

    @Override
    public ServerStatus status(String serverId) {
        return servers.locked(() -> {
            Optional<LocalServer> found = servers.read(serverId);
            if (found.isEmpty()) {
                return ServerStatus.of(ServerState.DELETED);
            }
            LocalServer server = found.get();
            boolean alive = sandboxes.alive(server);
            return switch (server.desired()) {
                case SHUTOFF -> ServerStatus.of(ServerState.SHUTOFF);
                case PAUSED -> alive ? ServerStatus.of(ServerState.PAUSED)
                        : fault(ServerState.SHUTOFF, "The desktop's session ended while paused", server);
                default -> activeStatus(server, alive);
            };
        });
    }

    private ServerStatus activeStatus(LocalServer server, boolean alive) {
        if (!alive) {
            return server.consoleReady() ? fault(ServerState.SHUTOFF, "The desktop's session ended unexpectedly", server)
                    : fault(ServerState.ERROR, "The desktop's session ended while starting", server);
        }
        if (server.consoleReady()) {
            return ServerStatus.of(ServerState.ACTIVE);
        }
        if (sandboxes.consoleAnswers(server)) {
            servers.write(server.consoleIsReady());
            return ServerStatus.of(ServerState.ACTIVE);
        }
        if (server.bootedAt() != null && Duration.between(server.bootedAt(), clock.instant()).compareTo(config.bootTimeout()) > 0) {
            sandboxes.kill(server);
            return fault(ServerState.ERROR, "The desktop's session showed no console within " + config.bootTimeout(), server);
        }
        return new ServerStatus(ServerState.BUILD, Optional.empty(), true);
    }

    private ServerStatus fault(ServerState state, String what, LocalServer server) {
        String tail = LocalFiles.tail(layout.log(server.id()), LOG_TAIL_LINES);
        return new ServerStatus(state, Optional.of(tail.isBlank() ? what : what + ": " + tail), false);
    }

    @Override
    public void pause(String serverId) {
        change(serverId, server -> {
            requireRunning(server, ServerState.ACTIVE, "pause");
            sandboxes.signalAll(server, Sandboxes.Signal.STOP);
            return server.desired(ServerState.PAUSED);
        });
    }

    @Override
    public void unpause(String serverId) {
        change(serverId, server -> {
            requireRunning(server, ServerState.PAUSED, "unpause");
            sandboxes.signalAll(server, Sandboxes.Signal.CONT);
            return server.desired(ServerState.ACTIVE);
        });
    }

    @Override
    public void reboot(String serverId) {
        change(serverId, server -> {
            requireRunning(server, ServerState.ACTIVE, "reboot");
            sandboxes.kill(server);
            return boot(server);
        });
    }

    @Override
    public void stop(String serverId) {
        change(serverId, server -> {
            sandboxes.kill(server);
            return server.desired(ServerState.SHUTOFF);
        });
    }

    @Override
    public void start(String serverId) {
        change(serverId, server -> {
            if (sandboxes.alive(server)) {
                throw new ProviderException("Cannot start server " + serverId + ": it is running (" + server.desired() + ")");
            }
            return boot(server);
        });
    }

    @Override
    public void delete(String serverId) {
        servers.locked(() -> {
            servers.read(serverId).ifPresent(server -> {
                sandboxes.kill(server);
                LocalFiles.deleteTree(layout.server(serverId));
                LOG.infof("Desktop %s: sandbox and home deleted", serverId);
            });
            return null;
        });
    }

    @Override
    public void attachData(String serverId, List<DataAttachment> data) {
        change(serverId, server -> {
            LocalServer attached = server.withData(data);
            prepareFolders(attached);
            return attached;
        });
    }

    @Override
    public void deliverReleaseFile(DataAttachment release, DataAttachment.File file, InputStream content) {
        requireSafeIds(release);
        Path folder = layout.release(release.releaseId());
        servers.locked(() -> {
            ReleaseFolders.prepare(folder, release);
            return null;
        });
        LocalFiles.copyAtomically(content, folder, ReleaseFolders.fileIn(folder, file), layout.staging(), file::requireMatches);
        LOG.infof("Release %s: %s delivered (%d bytes)", release.releaseId(), file.name(), file.sizeBytes());
    }

    @Override
    public void deliverImportFile(String workspaceId, String importId, DataAttachment.File file, InputStream content) {
        Path imports = layout.imports(workspaceId);
        Path folder = imports.resolve(LocalLayout.segment(importId));
        servers.locked(() -> {
            LocalFiles.directory(imports, 0755, null);
            LocalFiles.directory(folder, 0755, null);
            return null;
        });
        LocalFiles.copyAtomically(content, folder, ReleaseFolders.fileIn(folder, file), layout.staging(), file::requireMatches);
        LOG.infof("Import %s: %s delivered to workspace %s (%d bytes)", importId, file.name(), workspaceId, file.sizeBytes());
    }

    @Override
    public ExportedContent openExportedFile(String workspaceId, String path) {
        return ExportFolders.open(layout.export(workspaceId), path);
    }

    @Override
    public void eraseWorkspaceData(String workspaceId, List<String> releaseIds) {
        servers.locked(() -> {
            for (String releaseId : releaseIds) {
                LocalFiles.deleteTree(layout.release(releaseId));
            }
            LocalFiles.deleteTree(layout.workspace(workspaceId));
            return null;
        });
        LOG.infof("Workspace %s: its imports, export folder and %d release(s) removed from this host", workspaceId, releaseIds.size());
    }

    @Override
    public Path consoleSocket(String serverId) {
        LocalServer server = servers.read(serverId).orElseThrow(() -> new ProviderException("Server " + serverId + " could not be found"));
        if (server.desired() != ServerState.ACTIVE || !sandboxes.alive(server)) {
            throw new ProviderException("Server " + serverId + " is not running");
        }
        return Sandboxes.console(server);
    }

    /** The sandbox's first process, whose namespaces are the desktop's (for inspection from outside, e.g. with nsenter). */
    public Optional<Long> sandboxPid(String serverId) {
        return servers.read(serverId).filter(sandboxes::alive).map(LocalServer::sandboxPid);
    }

    /** The host uid the server's processes run as (the service's own when it does not run as root). */
    public Optional<Integer> hostUidOf(String serverId) {
        return servers.read(serverId).map(this::hostUid);
    }

    private Integer hostUid(LocalServer server) {
        return root ? config.uidBase() + server.slot() : HostUser.uid();
    }

    private interface Change {
        LocalServer apply(LocalServer server);
    }

    private void change(String serverId, Change change) {
        servers.locked(() -> {
            LocalServer server = servers.read(serverId)
                    .orElseThrow(() -> new ProviderException("Server " + serverId + " could not be found"));
            servers.write(change.apply(server));
            return null;
        });
    }

    private void requireRunning(LocalServer server, ServerState desired, String action) {
        if (server.desired() != desired || !sandboxes.alive(server)) {
            throw new ProviderException("Cannot " + action + " server " + server.id() + " while it is " + server.desired()
                    + (sandboxes.alive(server) ? "" : " and not running"));
        }
    }

    /** Starts a sandbox for the server with its home and data as they are now; returns the record with its processes. */
    private LocalServer boot(LocalServer server) {
        prepareFolders(server);
        LocalFiles.deleteIfExists(layout.home(server.id()).resolve(".vnc/display.sock"));
        Integer uid = root ? hostUid(server) : null;
        long memory = server.memoryGb() * GIB;
        long volume = server.volumeGb() * GIB;
        List<String> command = SandboxCommand.of(server, layout, uid,
                new SandboxCommand.Limits(memory, volume, config.maxProcesses(), config.maxOpenFiles()), config.screen());
        LocalFiles.append(layout.log(server.id()), "--- " + clock.instant() + " starting the session\n");
        Sandboxes.Started started = sandboxes.start(server.id(), command, layout.log(server.id()));
        LocalServer booted = server.booted(started.pid(), started.pidStartedAt(), started.sandboxPid(), clock.instant());
        servers.write(booted);
        return booted;
    }

    /** The home (the desktop's uid only), the workspace's export (writable by each of its desktops) and imports, the releases' folders. */
    private void prepareFolders(LocalServer server) {
        int uid = hostUid(server);
        LocalFiles.directory(layout.server(server.id()), 0711, null);
        LocalFiles.directory(layout.home(server.id()), 0700, root ? uid : null);
        LocalFiles.directory(layout.export(server.workspaceId()), 01777, null);
        LocalFiles.directory(layout.imports(server.workspaceId()), 0755, null);
        LocalFiles.writeAtomically(layout.passwd(server.id()), ("root:x:0:0:root:/root:/usr/sbin/nologin\n"
                + "researcher:x:1000:1000:SD Desktop researcher:" + SandboxCommand.HOME_IN_SANDBOX + ":/bin/bash\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n").getBytes(StandardCharsets.UTF_8),
                0644);
        LocalFiles.writeAtomically(layout.group(server.id()), "root:x:0:\nresearcher:x:1000:\nnogroup:x:65534:\n"
                .getBytes(StandardCharsets.UTF_8), 0644);
        for (DataAttachment release : server.data()) {
            requireSafeIds(release);
            ReleaseFolders.prepare(layout.release(release.releaseId()), release);
        }
    }

    private static void requireSafeIds(DataAttachment release) {
        if (!LocalLayout.isSafeSegment(release.datasetId()) || !LocalLayout.isSafeSegment(release.releaseId())) {
            throw new ProviderException("Release " + release.releaseId() + " of dataset " + release.datasetId()
                    + " cannot be shown: its ids cannot be folder names");
        }
    }

    private static ServerRef ref(LocalServer server) {
        return new ServerRef(server.id(), server.id() + "-home");
    }

    /** Every sandbox this JVM started ends with it; this ends them first, in order, and waits. */
    @PreDestroy
    void shutdown() {
        sandboxes.killAllStarted(servers::read);
    }
}
