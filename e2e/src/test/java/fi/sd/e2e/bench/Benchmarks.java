package fi.sd.e2e.bench;

import java.nio.file.Path;

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;

/**
 * {@code bin/sd bench}: the whole system started as the end-to-end tests start it (separate processes, on
 * PostgreSQL), each benchmark run against it, and {@code bench/RESULTS.md} written. Figures, not a test: a
 * missed target is reported, never a failure.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    interface Section {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/RESULTS.md").toAbsolutePath();
        String loadBefore = Machine.loadAverage();
        E2eSystem system = E2eSystem.get();
        Api api = new Api(system);
        Report report = new Report();
        StartupAndMemory startup = new StartupAndMemory();
        measure(report, "start-up and memory", () -> startup.afterStart(system, report));
        measure(report, "gateway overhead", () -> new GatewayOverhead().run(system, api, report));
        measure(report, "event latency", () -> new EventLatency().run(system, api, report));
        measure(report, "revocation propagation", () -> new RevocationPropagation().run(system, api, report));
        SustainedFlow flow = new SustainedFlow(system);
        measure(report, "sustained flow", () -> flow.sustained(report));
        measure(report, "read path at size", () -> new ReadPath().run(system, report));
        measure(report, "memory after the load", () -> startup.afterLoad(system, report));
        measure(report, "scale-out", () -> flow.scaleOut(report));
        report.note("\nLoad average before the run: " + loadBefore + "; after: " + Machine.loadAverage() + ".");
        report.write(results, "bin/sd bench");
        System.exit(0);
    }

    private static void measure(Report report, String what, Section section) {
        try {
            section.run();
        } catch (Exception | AssertionError e) {
            report.note("Not measured: " + e);
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            report.verdict(what, "not measured (" + reason + ")", "", false);
        }
    }
}
