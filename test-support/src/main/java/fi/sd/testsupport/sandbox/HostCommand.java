package fi.sd.testsupport.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command run on the host, from outside the desktops' sandboxes (nsenter, ip, kill), with its exit code and
 * output; and what /proc tells of a sandbox's processes.
 */
public record HostCommand(int exit, String output) {

    public static HostCommand run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            return new HostCommand(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code sh -c script} in the given namespaces of the process ({@code -n} network, {@code -m} mounts, {@code -p} PIDs). */
    public static HostCommand inNamespaces(long pid, String namespaces, String script) {
        List<String> command = new ArrayList<>(List.of("nsenter", "--target", Long.toString(pid)));
        for (char ns : namespaces.toCharArray()) {
            command.add("-" + ns);
        }
        command.addAll(List.of("--", "/bin/sh", "-c", script));
        return run(command.toArray(String[]::new));
    }

    /** The host pids of every process in the sandbox whose first process is {@code sandboxPid} (its PID namespace). */
    public static List<Long> processesOf(long sandboxPid) {
        Path namespace = namespaceOf(sandboxPid);
        List<Long> pids = new ArrayList<>();
        for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
            if (namespace != null && namespace.equals(namespaceOf(process.pid()))) {
                pids.add(process.pid());
            }
        }
        return pids;
    }

    private static Path namespaceOf(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "pid"));
        } catch (IOException e) {
            return null;
        }
    }

    /** A line of /proc/PID/status, e.g. "State:" or "CapEff:", without its name. */
    public static String status(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream().filter(l -> l.startsWith(field))
                    .map(l -> l.substring(field.length()).trim()).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
