package fi.sd.desktop.provider.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this JVM runs as on the host (Linux). */
final class HostUser {

    private HostUser() {
    }

    static int uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> Integer.parseInt(l.split("\\s+")[1])).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tell who this process runs as", e);
        }
    }

    static boolean isRoot() {
        return uid() == 0;
    }
}
