package fi.sd.e2e.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.ServiceProcess;

/** Each service's start-up (started one after the other) and its resident memory. */
final class StartupAndMemory {

    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern JVM_CREATED = Pattern.compile("\\[startuptime\\s*\\] Create VM, ([0-9.]+) secs");
    private static final Pattern START_STEP = Pattern.compile("Build step (\\S+) completed in: (\\d+)ms");
    /** The JVM's own phases and each of Quarkus's start steps, logged. */
    private static final String PROFILE_OPTIONS = "-Xlog:startuptime -Dquarkus.debug.print-startup-times=true";
    private static final int SLOWEST_STEPS = 6;
    private static final long TARGET_MIB = 250;
    private static final double TARGET_SECONDS = 2.0;
    private static final String SERVICES_JAVA = servicesJava();

    private final Map<String, Long> memoryAfterStart = new LinkedHashMap<>();
    private final Map<String, Long> threadsAfterStart = new LinkedHashMap<>();

    /**
     * Right after the system started: each service restarted alone (Keycloak, which starts beside the services when the
     * system starts, is ready by then), how long it took and its memory.
     */
    void afterStart(E2eSystem system, Report report) throws IOException {
        report.section("Start-up and memory", "Each service's JVM restarted alone (one after the other, on PostgreSQL and the "
                + "broker, once the whole system was up), launched by `bin/lib/jvm.sh` as `bin/sd up` runs it: "
                + SERVICES_JAVA + ", the JVM options of `deploy/jvm.options` and `MALLOC_ARENA_MAX=2`. *Ready* is from launching "
                + "the JVM to the first UP of `/q/health/ready`; *Quarkus* is what Quarkus logs as `started in`; *CPU* is the "
                + "JVM's CPU time (user and system) when first ready, which the other processes on the machine hardly change. "
                + "Memory is the process's resident set (VmRSS).");
        report.table("service", "ready after (s)", "Quarkus started in (s)", "CPU to ready (s)", "load average", "RSS after start (MiB)");
        for (ServiceProcess service : system.services()) {
            service.stop();
            service.start();
            double ready = service.startupTime().toMillis() / 1000.0;
            double quarkus = quarkusStartedIn(service);
            double cpu = service.cpuTimeToReady().toMillis() / 1000.0;
            long rss = service.residentMemoryMib();
            memoryAfterStart.put(service.service(), rss);
            threadsAfterStart.put(service.service(), service.threads());
            String load = Machine.loadAverage();
            report.row(service.service(), String.format("%.2f", ready), String.format("%.2f", quarkus), String.format("%.2f", cpu),
                    load, rss);
            report.verdict("start-up of " + service.service(),
                    String.format("%.2f s to ready under load %s (Quarkus %.2f s; CPU %.2f s)", ready, load.split(" ")[0], quarkus, cpu),
                    "≤ " + TARGET_SECONDS + " s", ready <= TARGET_SECONDS);
        }
        profile(system, report);
    }

    /**
     * Where each start's time goes: each service restarted once more with the JVM's and Quarkus's start-up logs on, then
     * restarted as measured above, so that the rest of the benchmarks run it as bin/sd does.
     */
    private void profile(E2eSystem system, Report report) throws IOException {
        report.note("Where the start's time goes: each service restarted once more with `" + PROFILE_OPTIONS + "` (then once more "
                + "without). *JVM created* is the JVM's own start (`Create VM`: the AOT cache mapped, its classes loaded and linked), "
                + "before Quarkus's clock starts; then the slowest of Quarkus's start steps, in milliseconds, most of them on the "
                + "main thread (a step's time includes the first use of whatever it loads).");
        report.table("service", "JVM created (s)", "Quarkus started in (s)", "slowest start steps (ms)");
        for (ServiceProcess service : system.services()) {
            long offset = Files.size(service.log());
            service.stop();
            service.startWithOptions(PROFILE_OPTIONS);
            String log = profiledStartLog(service.log(), offset);
            service.stop();
            service.start();
            Matcher created = JVM_CREATED.matcher(log);
            Matcher started = QUARKUS_STARTED.matcher(log);
            List<Map.Entry<String, Integer>> steps = new ArrayList<>();
            Matcher step = START_STEP.matcher(log);
            while (step.find()) {
                steps.add(Map.entry(step.group(1), Integer.parseInt(step.group(2))));
            }
            steps.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            report.row(service.service(), created.find() ? String.format("%.2f", Double.parseDouble(created.group(1))) : "?",
                    started.find() ? started.group(1) : "?",
                    steps.stream().limit(SLOWEST_STEPS).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    private static String profiledStartLog(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
    }

    /** After the load: the memory each service holds. */
    void afterLoad(E2eSystem system, Report report) {
        report.section("Memory after the load", "Resident memory after the sections before this one ran, and the threads "
                + "(each has a stack of its own).");
        report.table("service", "RSS after start (MiB)", "RSS after the load (MiB)", "threads after start", "threads after the load");
        for (ServiceProcess service : system.services()) {
            long rss = service.residentMemoryMib();
            report.row(service.service(), memoryAfterStart.get(service.service()), rss, threadsAfterStart.get(service.service()),
                    service.threads());
            report.verdict("memory of " + service.service(), rss + " MiB", "≤ " + TARGET_MIB + " MB", rss * 1.048576 <= TARGET_MIB);
        }
        report.note("Where each one's resident memory is after the load (/proc/PID/smaps: the mapped AOT cache, files such as jars "
                + "and libraries, anonymous memory) and what the JVM has committed of it (`jvm_memory_committed_bytes`): the "
                + "anonymous memory beyond the heap, metaspace and code cache is thread stacks and malloc (the JIT's arenas, "
                + "direct buffers, the JDK's native parts).");
        report.table("service", "RSS (MiB)", "AOT cache", "files", "anonymous", "heap committed", "metaspace + class space",
                "code cache", "anonymous beyond these");
        for (ServiceProcess service : system.services()) {
            Map<String, Long> mapped = service.residentMemoryByMapping();
            Map<String, Long> committed = service.committedMemoryMib();
            long heap = committed.getOrDefault("heap", 0L);
            long metaspace = committed.getOrDefault("Metaspace", 0L) + committed.getOrDefault("Compressed Class Space", 0L);
            long code = committed.entrySet().stream().filter(e -> e.getKey().startsWith("CodeHeap") || e.getKey().equals("CodeCache"))
                    .mapToLong(Map.Entry::getValue).sum();
            long anonymous = mapped.get("anonymous");
            report.row(service.service(), service.residentMemoryMib(), mapped.get("AOT cache"), mapped.get("files"), anonymous, heap,
                    metaspace, code, Math.max(0, anonymous - heap - metaspace - code));
        }
    }

    /** The JDK bin/lib/jvm.sh runs the services on, and whether with an AOT cache. */
    private static String servicesJava() {
        try {
            Process java = new ProcessBuilder("bash", "bin/lib/jvm.sh", "java").redirectErrorStream(true).start();
            String path = new String(java.getInputStream().readAllBytes()).strip();
            Process version = new ProcessBuilder(path, "-version").redirectErrorStream(true).start();
            String first = new String(version.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
            return "`" + first + "`" + (first.matches(".*version \"(2[5-9]|[3-9][0-9]).*") ? " with the AOT cache of a training run" : " (no AOT cache below Java 25)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double quarkusStartedIn(ServiceProcess service) throws IOException {
        Matcher matcher = QUARKUS_STARTED.matcher(Files.readString(service.log()));
        double last = Double.NaN;
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1));
        }
        return last;
    }
}
