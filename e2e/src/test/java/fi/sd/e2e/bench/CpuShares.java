package fi.sd.e2e.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went between two snapshots: every process's CPU time (user and system, /proc/PID/stat) grouped
 * by what it is (each service, PostgreSQL, the broker, the S3 server, Keycloak, this load generator, anything else on the
 * machine), and
 * the machine's busy time (/proc/stat), so that a rate the machine cannot hold is explained by who used the cores.
 * A process that started and ended between the snapshots is not seen; the difference shows as "not attributed".
 */
final class CpuShares {

    private static final double TICKS_PER_SECOND = 100;
    private static final long SELF = ProcessHandle.current().pid();

    private final String root;
    private final Map<Long, Long> ticksBefore = new LinkedHashMap<>();
    private Map<String, Long> groupTicks = Map.of();
    private long machineBusyBefore;
    private long machineBusy;
    private double seconds;
    private long from;

    CpuShares(Path root) {
        this.root = root.toString();
    }

    void start() {
        ticksBefore.clear();
        forEachProcess((pid, ticks, command) -> ticksBefore.put(pid, ticks));
        machineBusyBefore = machineBusyTicks();
        from = System.nanoTime();
    }

    void stop() {
        seconds = (System.nanoTime() - from) / 1e9;
        machineBusy = machineBusyTicks() - machineBusyBefore;
        Map<String, Long> groups = new LinkedHashMap<>();
        forEachProcess((pid, ticks, command) -> groups.merge(group(pid, command), ticks - ticksBefore.getOrDefault(pid, 0L), Long::sum));
        groupTicks = groups;
    }

    /** One row per group, the busiest first: CPU seconds, its share of the machine's capacity, and CPU milliseconds per unit. */
    void report(Report report, String unit, long units) {
        double capacity = seconds * CpuPinning.cpus();
        report.table("process", "CPU (s)", "share of the " + CpuPinning.cpus() + " cores", "CPU per " + unit + " (ms)");
        long attributed = 0;
        for (Map.Entry<String, Long> group : groupTicks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList()) {
            attributed += group.getValue();
            row(report, group.getKey(), group.getValue(), capacity, units);
        }
        row(report, "not attributed (processes that came and went, the kernel)", Math.max(0, machineBusy - attributed), capacity, units);
        row(report, "the machine, busy", machineBusy, capacity, units);
    }

    private static void row(Report report, String name, long ticks, double capacity, long units) {
        double cpu = ticks / TICKS_PER_SECOND;
        report.row(name, String.format("%.1f", cpu), String.format("%.0f %%", 100 * cpu / capacity),
                units == 0 ? "-" : String.format("%.1f", 1000 * cpu / units));
    }

    private String group(long pid, String command) {
        if (pid == SELF) {
            return "the load generator (this JVM)";
        }
        String executable = command.split(" ", 2)[0];
        if (command.startsWith("postgres:") || executable.endsWith("/postgres")) {
            return "PostgreSQL";
        }
        // The system's other processes name a file of this checkout (their run directory, their jar).
        String prefix = root + "/";
        if (!command.contains(prefix)) {
            return "other processes";
        }
        for (String argument : command.split(" ")) {
            if (argument.startsWith(prefix) && argument.endsWith("/quarkus-run.jar") && !argument.contains("keycloak")) {
                String module = argument.substring(prefix.length());
                return module.substring(0, module.indexOf('/'));
            }
        }
        if (command.contains("org.gaul.s3proxy")) {
            return "S3 server (S3Proxy)";
        }
        if (command.contains("keycloak")) {
            return "Keycloak";
        }
        if (command.contains("kafka")) {
            return "Kafka broker";
        }
        return "other processes";
    }

    private interface ProcessVisitor {
        void visit(long pid, long ticks, String command);
    }

    private static void forEachProcess(ProcessVisitor visitor) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(entry -> {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    String command = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    visitor.visit(Long.parseLong(entry.getFileName().toString()), ticks, command);
                } catch (IOException | RuntimeException gone) {
                    // The process ended while being read: it is not attributed.
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc", e);
        }
    }

    /** The machine's busy time in clock ticks: every CPU's time but idle and I/O wait. */
    private static long machineBusyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/stat", e);
        }
    }
}
