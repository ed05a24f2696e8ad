package fi.sd.e2e.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.ServiceProcess;
import fi.sd.e2e.Workspaces;

/**
 * {@code bin/sd bench soak}: the flow of {@link SustainedFlow} held for half an hour (by default), to justify each
 * service's heap cap: no service may exit on an out-of-memory error, and neither its heap after a collection nor its
 * resident memory may keep growing. Not part of the full run (it takes the half hour), nor of CI.
 */
final class Soak {

    private static final Duration LENGTH = Duration.ofMinutes(Long.getLong("sd.bench.soak.minutes", 30));
    private static final int RATE = Integer.getInteger("sd.bench.soak.rate", 50);
    /** Each round of the flow, after which the memory is sampled. */
    private static final Duration ROUND = Duration.ofMinutes(1);

    private final E2eSystem system;
    private final FlowDriver driver;

    Soak(E2eSystem system) {
        this.system = system;
        this.driver = new FlowDriver(system);
    }

    void run(Report report) throws Exception {
        report.section("Soak", "The flow of the sustained-flow section (grant, release, upload, mount) offered at " + RATE
                + " per second for " + LENGTH.toMinutes() + " minutes through the gateway (`SD_BENCH_SOAK_RATE`, "
                + "`SD_BENCH_SOAK_MINUTES`), every service on the JVM options of `deploy/jvm.options`. After each minute: "
                + "each service's resident memory (VmRSS) and its heap in use (`jvm_memory_used_bytes`, area heap) right "
                + "after a full collection asked for by `jcmd GC.run`, the figure that grows when something leaks. Growth is "
                + "the last third's mean against the second third's (the first third is the warm-up: caches, the JIT).");
        String prefix = "bench-soak-" + UUID.randomUUID().toString().substring(0, 8);
        List<ServiceProcess> services = system.services();
        Map<String, List<long[]>> samples = new LinkedHashMap<>();
        services.forEach(service -> samples.put(service.service(), new ArrayList<>()));
        long rounds = LENGTH.dividedBy(ROUND);
        long offered = 0;
        long released = 0;
        long failed = 0;
        for (long round = 0; round < rounds; round++) {
            FlowDriver.Run run = driver.run(prefix + "-" + round, RATE, ROUND);
            offered += run.offered();
            released += run.released();
            failed += run.failed();
            for (ServiceProcess service : services) {
                if (!service.alive()) {
                    throw new AssertionError(service.service() + " exited during the soak, in minute " + (round + 1)
                            + ": see " + service.log());
                }
                samples.get(service.service()).add(new long[] { service.residentMemoryMib(), service.heapAfterFullCollectionMib() });
            }
            System.out.printf("soak: minute %d of %d, %d flows released, load %s%n", round + 1, rounds, released, Machine.loadAverage());
        }
        long mounted = Workspaces.mounts(system, prefix);
        report.table("service", "RSS after minute 1 (MiB)", "RSS, last minute (MiB)", "RSS, highest (MiB)",
                "heap after GC, 2nd third (MiB)", "heap after GC, last third (MiB)", "heap growth", "-Xmx (MiB)");
        boolean flat = true;
        long highest = 0;
        for (ServiceProcess service : services) {
            List<long[]> rows = samples.get(service.service());
            long rssHigh = rows.stream().mapToLong(row -> row[0]).max().orElseThrow();
            double middle = meanHeap(rows, rows.size() / 3, 2 * rows.size() / 3);
            double last = meanHeap(rows, 2 * rows.size() / 3, rows.size());
            double growth = last / middle - 1;
            // A tenth more heap after a full collection over ten minutes is a leak at this length, not noise.
            flat &= growth < 0.10;
            highest = Math.max(highest, rssHigh);
            report.row(service.service(), rows.get(0)[0], rows.get(rows.size() - 1)[0], rssHigh, String.format("%.1f", middle),
                    String.format("%.1f", last), String.format("%+.1f %%", 100 * growth), 128);
        }
        report.note(String.format("%d flows offered, %d released, %d failed, %d mounted; every service alive at the end.", offered,
                released, failed, mounted));
        report.verdict("soak (" + LENGTH.toMinutes() + " min at " + RATE + " flows/s)",
                (flat ? "no growth" : "heap grows") + ", highest RSS " + highest + " MiB, no exit", "no out-of-memory exit, no growth",
                flat);
    }

    private static double meanHeap(List<long[]> rows, int from, int to) {
        return rows.subList(from, Math.max(to, from + 1)).stream().mapToLong(row -> row[1]).average().orElseThrow();
    }
}
