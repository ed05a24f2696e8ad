package fi.sd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.testsupport.sandbox.HostCommand;

/** The local provider's sandboxes of the running system, as its records on disk and /proc show them. */
public final class LocalSandboxes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSandboxes() {
    }

    /** The first process of the desktop's sandbox, as last recorded (it may have ended since). */
    public static Optional<Long> recordedSandboxPid(E2eSystem system, String desktopId) {
        Path record = system.desktopStateDirectory().resolve("servers").resolve(desktopId).resolve("server.json");
        if (!Files.exists(record)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(record.toFile());
            return node.hasNonNull("sandboxPid") ? Optional.of(node.get("sandboxPid").asLong()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the process has ended (a zombie waiting for its parent to reap it has). */
    public static boolean ended(long pid) {
        String state = HostCommand.status(pid, "State:");
        return state.isEmpty() || state.startsWith("Z") || state.startsWith("X");
    }

    /** The processes running in the desktop's sandbox now (none once it ended). */
    public static List<Long> processesOf(E2eSystem system, String desktopId) {
        return recordedSandboxPid(system, desktopId).filter(pid -> !ended(pid))
                .map(pid -> HostCommand.processesOf(pid).stream().filter(p -> !ended(p)).toList()).orElse(List.of());
    }
}
