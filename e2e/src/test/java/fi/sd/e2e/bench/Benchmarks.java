package fi.sd.e2e.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import fi.sd.e2e.Api;
import fi.sd.e2e.E2eSystem;

/**
 * {@code bin/sd bench}: the whole system started as the end-to-end tests start it (separate processes, on
 * PostgreSQL), each benchmark run against it, and {@code bench/RESULTS.md} written. Figures, not a test: a
 * missed target is reported, never a failure.
 */
public final class Benchmarks {

    /** The sections, in the order they run; {@code memory} needs the load of the sections before it. */
    static final List<String> SECTIONS = List.of("startup", "gateway", "event-latency", "revocation", "desktops", "sustained",
            "read-path", "pages", "memory", "large-file", "scale-out", "soak");
    /** Sections that run only when named: the soak takes half an hour. */
    static final Set<String> ON_REQUEST = Set.of("soak");

    private Benchmarks() {
    }

    interface Section {
        void run() throws Exception;
    }

    /**
     * Arguments: the results file, then the sections to run (for example {@code read-path}), all of them when
     * none is named. Start-up is always measured, since the memory figures compare with it.
     */
    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/RESULTS.md").toAbsolutePath();
        Set<String> chosen = Set.copyOf(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        if (!SECTIONS.containsAll(chosen)) {
            throw new IllegalArgumentException("unknown section in " + chosen + "; the sections are " + SECTIONS);
        }
        String loadBefore = Machine.loadAverage();
        E2eSystem system = E2eSystem.get();
        Api api = new Api(system);
        Report report = new Report();
        StartupAndMemory startup = new StartupAndMemory();
        SustainedFlow flow = new SustainedFlow(system);
        Runner run = (name, what, section) -> {
            if ((chosen.isEmpty() && !ON_REQUEST.contains(name)) || chosen.contains(name) || name.equals("startup")) {
                measure(report, what, section);
            }
        };
        run.section("startup", "start-up and memory", () -> startup.afterStart(system, report));
        run.section("gateway", "gateway overhead", () -> new GatewayOverhead().run(system, api, report));
        run.section("event-latency", "event latency", () -> new EventLatency().run(system, report));
        run.section("revocation", "revocation propagation",
                () -> new RevocationPropagation().run(system, api, report));
        run.section("desktops", "desktop start and memory", () -> new DesktopStartAndMemory().run(system, api, report));
        run.section("sustained", "sustained flow", () -> flow.sustained(report));
        run.section("read-path", "read path at size", () -> new ReadPath().run(system, report));
        run.section("pages", "web pages", () -> new PageServerTime().run(system, api, report));
        run.section("memory", "memory after the load", () -> startup.afterLoad(system, report));
        run.section("large-file", "a 2 GB release file", () -> new LargeFile().run(system, api, report));
        run.section("scale-out", "scale-out", () -> flow.scaleOut(report));
        run.section("soak", "soak", () -> new Soak(system).run(report));
        report.note("\nLoad average before the run: " + loadBefore + "; after: " + Machine.loadAverage() + ".");
        report.write(results, chosen.isEmpty() ? "bin/sd bench" : "bin/sd bench " + String.join(" ", chosen));
        System.exit(0);
    }

    private interface Runner {
        void section(String name, String what, Section section);
    }

    private static void measure(Report report, String what, Section section) {
        try {
            section.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            report.note("Not measured: " + e);
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            report.verdict(what, "not measured (" + reason + ")", "", false);
        }
    }
}
