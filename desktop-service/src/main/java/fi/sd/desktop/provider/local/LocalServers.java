package fi.sd.desktop.provider.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The servers' records on disk. Changes are made under one lock: a lock in this JVM and a file lock that
 * the other replicas on the host take too.
 */
final class LocalServers {

    private final LocalLayout layout;
    private final ObjectMapper json;
    private final ReentrantLock lock = new ReentrantLock();

    LocalServers(LocalLayout layout, ObjectMapper json) {
        this.layout = layout;
        this.json = json;
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try (FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            return work.get();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + layout.lockFile(), e);
        } finally {
            lock.unlock();
        }
    }

    Optional<LocalServer> read(String serverId) {
        if (!LocalLayout.isSafeSegment(serverId)) {
            return Optional.empty();
        }
        Path record = layout.record(serverId);
        if (!Files.exists(record)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(record.toFile(), LocalServer.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + record, e);
        }
    }

    List<LocalServer> all() {
        if (!Files.isDirectory(layout.servers())) {
            return List.of();
        }
        List<LocalServer> servers = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(layout.servers())) {
            dirs.map(d -> d.getFileName().toString()).forEach(id -> read(id).ifPresent(servers::add));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + layout.servers(), e);
        }
        return servers;
    }

    void write(LocalServer server) {
        try {
            LocalFiles.writeAtomically(layout.record(server.id()), json.writeValueAsBytes(server), 0600);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the record of server " + server.id(), e);
        }
    }
}
