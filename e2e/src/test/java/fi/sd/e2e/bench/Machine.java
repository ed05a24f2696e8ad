package fi.sd.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format("%d cores (%s), %d GiB, Java %s",
                CpuPinning.cpus(), cpuModel(), memoryGib(), System.getProperty("java.version"));
    }

    static String loadAverage() {
        String load = read("/proc/loadavg");
        return load.isEmpty() ? "unknown" : String.join(" ", java.util.Arrays.copyOf(load.split(" "), 3));
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    private static long memoryGib() {
        return read("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024).findFirst().orElse(0);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
