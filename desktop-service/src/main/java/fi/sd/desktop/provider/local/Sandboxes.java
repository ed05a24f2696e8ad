package fi.sd.desktop.provider.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The sandboxes' processes on this host. Each is started by this JVM, from one thread that lives as long
 * as the JVM: bwrap's {@code --die-with-parent} (the kernel's parent-death signal) follows the thread that
 * started it, so a sandbox started from a pool thread would die with that thread. When the JVM ends,
 * however it ends ({@code kill -9} included), the kernel kills every sandbox it started: none outlives
 * the service untracked. A sandbox started by another replica on the same host is found by its recorded
 * pid and start time, and can be signalled and stopped the same way.
 */
final class Sandboxes {

    private static final Logger LOG = Logger.getLogger(Sandboxes.class);
    private static final Duration INFO_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    /** The one thread every sandbox is started from; a task that throws does not end it (its Future holds the failure). */
    private final ExecutorService launcher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "desktop-sandbox-launcher");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Process> started = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final boolean root;

    Sandboxes(ObjectMapper json, boolean root) {
        this.json = json;
        this.root = root;
    }

    /** A sandbox just started: the supervising bwrap's pid and start time, and the sandbox's first process. */
    record Started(long pid, Instant pidStartedAt, long sandboxPid) {
    }

    /** Starts the command (stdout: bwrap's info, stderr: the log) and waits for bwrap to report the sandbox's pid. */
    Started start(String serverId, List<String> command, Path log) {
        Process process;
        try {
            process = launcher.submit(() -> {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.PIPE)
                        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
                // Nothing of the service's environment (its database password included) reaches the desktop.
                builder.environment().clear();
                builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
                return builder.start();
            }).get(INFO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The sandbox of server " + serverId + " could not be started: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the sandbox of server " + serverId, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The sandbox of server " + serverId + " did not start in time", e);
        }
        started.put(serverId, process);
        long sandboxPid = sandboxPid(serverId, process);
        Instant startedAt = process.info().startInstant().orElseThrow();
        return new Started(process.pid(), startedAt, sandboxPid);
    }

    /** bwrap writes its namespaces and the sandbox's pid as one JSON object on its standard output. */
    private long sandboxPid(String serverId, Process process) {
        StringBuilder info = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                info.append(line).append('\n');
                if (line.startsWith("}")) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox of server " + serverId + " gave no information", e);
        }
        try {
            JsonNode node = json.readTree(info.toString());
            if (node == null || !node.hasNonNull("child-pid")) {
                throw new IllegalStateException("bwrap reported no sandbox for server " + serverId + " (it exited with "
                        + exitCode(process) + ")");
            }
            return node.get("child-pid").asLong();
        } catch (IOException e) {
            throw new IllegalStateException("bwrap's report for server " + serverId + " is not JSON: " + info, e);
        }
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "nothing yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The supervising bwrap of the server, if it still runs (the same process: same pid and start time). */
    Optional<ProcessHandle> supervisor(LocalServer server) {
        if (server.pid() == null || server.pidStartedAt() == null) {
            return Optional.empty();
        }
        return ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(server.pidStartedAt()::equals).orElse(false));
    }

    boolean alive(LocalServer server) {
        return supervisor(server).isPresent() && server.sandboxPid() != null && ProcessHandle.of(server.sandboxPid())
                .filter(ProcessHandle::isAlive).isPresent();
    }

    /** Ends the sandbox: its supervisor is killed, and the kernel kills everything in the sandbox with it. */
    void kill(LocalServer server) {
        Optional<ProcessHandle> sandbox = server.sandboxPid() == null ? Optional.empty() : ProcessHandle.of(server.sandboxPid());
        supervisor(server).ifPresent(ProcessHandle::destroyForcibly);
        Process own = started.remove(server.id());
        try {
            if (own != null) {
                own.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (sandbox.isPresent()) {
                sandbox.get().onExit().get(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("The sandbox of server %s did not end within %s", server.id(), KILL_TIMEOUT);
        }
    }

    /** The signals the sandboxes get: stop to pause, continue to resume. */
    enum Signal {
        STOP,
        CONT
    }

    /**
     * Sends a signal to every process of the sandbox but its init: the shell's {@code kill -SIG -1} run inside
     * its PID namespace, one system call that no fork in the sandbox escapes (procps' kill answers 1 for -1
     * even when it succeeded, the shell's does not).
     */
    void signalAll(LocalServer server, Signal signal) {
        String pid = Long.toString(server.sandboxPid());
        String script = "kill -" + signal.name() + " -1";
        List<String> command = root
                ? List.of("nsenter", "--target", pid, "--pid", "--", "/bin/bash", "-c", script)
                : List.of("nsenter", "--target", pid, "--user", "--preserve-credentials", "--pid", "--", "/bin/bash", "-c", script);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Could not send " + signal + " to the sandbox of server " + server.id() + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling the sandbox of server " + server.id(), e);
        }
    }

    /** The desktop's VNC socket, reached through the sandbox's own root (its path on the host could exceed a socket path's 108 bytes). */
    static Path console(LocalServer server) {
        return Path.of("/proc", Long.toString(server.sandboxPid()), "root").resolve(LocalLayout.CONSOLE_IN_SANDBOX);
    }

    /** Whether the VNC server accepts connections yet. */
    boolean consoleAnswers(LocalServer server) {
        Path socket = console(server);
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends every sandbox this JVM started (the kernel would, as the JVM ends; this waits for them). */
    void killAllStarted(java.util.function.Function<String, Optional<LocalServer>> records) {
        for (String serverId : List.copyOf(started.keySet())) {
            records.apply(serverId).ifPresentOrElse(this::kill, () -> Optional.ofNullable(started.remove(serverId))
                    .ifPresent(Process::destroyForcibly));
        }
        launcher.shutdownNow();
    }
}
