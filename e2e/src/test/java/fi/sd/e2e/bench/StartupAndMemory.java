package fi.sd.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.ServiceProcess;

/** Each service's start-up (started one after the other) and its resident memory. */
final class StartupAndMemory {

    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final long TARGET_MIB = 250;
    private static final double TARGET_SECONDS = 2.0;

    private final Map<String, Long> memoryAfterStart = new LinkedHashMap<>();
    private final Map<String, Long> threadsAfterStart = new LinkedHashMap<>();

    /** Right after the system started: how long each took, and its memory. */
    void afterStart(E2eSystem system, Report report) throws IOException {
        report.section("Start-up and memory", "Each service's JVM started alone (one after the other, on PostgreSQL and the "
                + "broker), with the JVM options of `deploy/jvm.options` and `MALLOC_ARENA_MAX=2`, as `bin/sd up` runs them. *Ready* is from launching `java -jar` to the first UP of "
                + "`/q/health/ready`; *Quarkus* is what Quarkus logs as `started in`. Memory is the process's resident set "
                + "(VmRSS).");
        report.table("service", "ready after (s)", "Quarkus started in (s)", "RSS after start (MiB)");
        for (ServiceProcess service : system.services()) {
            double ready = service.startupTime().toMillis() / 1000.0;
            double quarkus = quarkusStartedIn(service);
            long rss = service.residentMemoryMib();
            memoryAfterStart.put(service.service(), rss);
            threadsAfterStart.put(service.service(), service.threads());
            report.row(service.service(), String.format("%.2f", ready), String.format("%.2f", quarkus), rss);
            report.verdict("start-up of " + service.service(), String.format("%.2f s (Quarkus %.2f s)", ready, quarkus),
                    "≤ " + TARGET_SECONDS + " s", quarkus <= TARGET_SECONDS);
        }
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
