package fi.sd.desktop.provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.storage.FileDigest;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * A cloud in the database: builds, reboots and deletions take their configured time on the
 * platform clock, each call in a transaction of its own (the cloud is not part of the service's), builds fail on demand (by name or at a rate) with Nova's "no valid host" fault,
 * and a build beyond the core quota is refused as Nova refuses it.
 */
@ApplicationScoped
@LookupIfProperty(name = "sd.desktop.provider.kind", stringValue = "simulated", lookupIfMissing = true)
public class SimulatedDesktopProvider implements DesktopProvider {

    static final String NO_VALID_HOST = "No valid host was found. There are not enough hosts available.";

    private static final Logger LOG = Logger.getLogger(SimulatedDesktopProvider.class);

    private final Clock clock;
    private final DesktopConfig.Provider.Simulated config;
    private final Pattern failingNames;
    private final Map<String, Map<String, byte[]>> exportFolders = new ConcurrentHashMap<>();

    @Inject
    public SimulatedDesktopProvider(Clock clock, DesktopConfig config) {
        this.clock = clock;
        this.config = config.provider().simulated();
        this.failingNames = this.config.failingNames().filter(p -> !p.isBlank()).map(Pattern::compile).orElse(null);
    }

    @Override
    @Transactional
    public ServerRef create(ServerSpec spec) {
        SimulatedServer existing = SimulatedServer.find("desktopId", spec.desktopId()).firstResult();
        if (existing != null) {
            return new ServerRef(existing.id, existing.volumeId);
        }
        long used = SimulatedServer.<SimulatedServer>stream("state <> ?1", ServerState.DELETED).mapToLong(s -> s.cores).sum();
        if (used + spec.cores() > config.quotaCores()) {
            throw new ProviderException("Quota exceeded for cores: requested " + spec.cores() + ", but already used " + used
                    + " of " + config.quotaCores() + " cores");
        }
        SimulatedServer server = new SimulatedServer();
        server.id = UUID.randomUUID().toString();
        server.volumeId = UUID.randomUUID().toString();
        server.desktopId = spec.desktopId();
        server.name = spec.name();
        server.cores = spec.cores();
        server.state = ServerState.BUILD;
        boolean fails = failingNames != null && failingNames.matcher(spec.name()).matches()
                || ThreadLocalRandom.current().nextDouble() < config.failureRate();
        settle(server, fails ? ServerState.ERROR : ServerState.ACTIVE, config.buildDelay());
        server.fault = fails ? NO_VALID_HOST : null;
        server.persist();
        LOG.debugf("Simulated server %s building for desktop %s", server.id, spec.desktopId());
        return new ServerRef(server.id, server.volumeId);
    }

    @Override
    @Transactional
    public ServerStatus status(String serverId) {
        SimulatedServer server = SimulatedServer.findById(serverId);
        if (server == null) {
            return ServerStatus.of(ServerState.DELETED);
        }
        if (server.pendingState != null && !clock.instant().isBefore(server.settlesAt)) {
            server.state = server.pendingState;
            server.pendingState = null;
            server.settlesAt = null;
        }
        return new ServerStatus(server.state, server.state == ServerState.ERROR ? Optional.ofNullable(server.fault) : Optional.empty(),
                server.pendingState != null);
    }

    @Override
    @Transactional
    public void pause(String serverId) {
        change(serverId, Set.of(ServerState.ACTIVE), ServerState.PAUSED);
    }

    @Override
    @Transactional
    public void unpause(String serverId) {
        change(serverId, Set.of(ServerState.PAUSED), ServerState.ACTIVE);
    }

    @Override
    @Transactional
    public void reboot(String serverId) {
        SimulatedServer server = current(serverId, Set.of(ServerState.ACTIVE));
        server.state = ServerState.REBOOT;
        settle(server, ServerState.ACTIVE, config.rebootDelay());
    }

    @Override
    @Transactional
    public void stop(String serverId) {
        // A stop overrides a reboot in progress, as Nova's does.
        SimulatedServer server = found(serverId);
        if (!Set.of(ServerState.ACTIVE, ServerState.PAUSED, ServerState.REBOOT).contains(server.state)) {
            throw new ProviderException("Cannot stop while the server is in state " + server.state);
        }
        server.state = ServerState.SHUTOFF;
        server.pendingState = null;
        server.settlesAt = null;
    }

    @Override
    @Transactional
    public void start(String serverId) {
        change(serverId, Set.of(ServerState.SHUTOFF), ServerState.ACTIVE);
    }

    @Override
    @Transactional
    public void delete(String serverId) {
        SimulatedServer server = SimulatedServer.findById(serverId);
        if (server != null && server.state != ServerState.DELETED) {
            settle(server, ServerState.DELETED, config.deleteDelay());
        }
    }

    /** The simulated cloud shows no data: it has no servers to mount anything in. */
    @Override
    @Transactional
    public void attachData(String serverId, List<DataAttachment> data) {
        found(serverId);
    }

    /** The simulated cloud keeps no files: it reads the release file through, as a copy would, and checks it. */
    @Override
    public void deliverReleaseFile(DataAttachment release, DataAttachment.File file, InputStream content) {
        try {
            file.requireMatches(FileDigest.of(content));
        } catch (IOException e) {
            throw new UncheckedIOException("Release file " + file.name() + " could not be read", e);
        }
    }

    /** The simulated cloud keeps no files: it reads the import file through, as a copy would, and checks it. */
    @Override
    public void deliverImportFile(String workspaceId, String importId, DataAttachment.File file, InputStream content) {
        try {
            file.requireMatches(FileDigest.of(content));
        } catch (IOException e) {
            throw new UncheckedIOException("Import file " + file.name() + " could not be read", e);
        }
    }

    /**
     * The simulated desktops' {@code /export} folders are kept in this process's memory, one per workspace: what a
     * desktop's user saved there ({@link #saveExportedFile}) is what an export request copies.
     */
    @Override
    public ExportedContent openExportedFile(String workspaceId, String path) {
        byte[] content = exportFolders.getOrDefault(workspaceId, Map.of()).get(path);
        if (content == null) {
            throw new ExportedFileRefused(path, "does not exist in workspace " + workspaceId + "'s export folder");
        }
        return new ExportedContent(content.length, new ByteArrayInputStream(content));
    }

    /** A simulated desktop's user saves a file in the workspace's {@code /export} folder. */
    public void saveExportedFile(String workspaceId, String path, byte[] content) {
        exportFolders.computeIfAbsent(workspaceId, w -> new ConcurrentHashMap<>()).put(path, content.clone());
    }

    /** A simulated desktop's user deletes a file from the workspace's {@code /export} folder. */
    public void removeExportedFile(String workspaceId, String path) {
        exportFolders.getOrDefault(workspaceId, Map.of()).remove(path);
    }

    /** The simulated cloud keeps no files of a workspace but its export folder's, in memory. */
    @Override
    public void eraseWorkspaceData(String workspaceId, List<String> releaseIds) {
        exportFolders.remove(workspaceId);
        LOG.debugf("Workspace %s: the simulated cloud holds none of its data", workspaceId);
    }

    @Override
    public Path consoleSocket(String serverId) {
        throw new ProviderException("The simulated cloud has no consoles: run desktops with the local provider to see them");
    }

    private void change(String serverId, Set<ServerState> from, ServerState to) {
        SimulatedServer server = current(serverId, from);
        server.state = to;
        server.pendingState = null;
        server.settlesAt = null;
    }

    /** The server, if it is in one of {@code from} with nothing in progress; otherwise refused as Nova refuses (409). */
    private SimulatedServer current(String serverId, Set<ServerState> from) {
        SimulatedServer server = found(serverId);
        if (!from.contains(server.state) || server.pendingState != null) {
            throw new ProviderException("Cannot do this while the server is in state " + server.state);
        }
        return server;
    }

    /** The server, brought up to date with the clock; refused as Nova refuses an unknown server (404). */
    private SimulatedServer found(String serverId) {
        SimulatedServer server = SimulatedServer.findById(serverId);
        if (server == null) {
            throw new ProviderException("Server " + serverId + " could not be found");
        }
        status(serverId);
        return server;
    }

    private void settle(SimulatedServer server, ServerState to, Duration delay) {
        server.pendingState = to;
        server.settlesAt = clock.instant().plus(delay);
    }
}
