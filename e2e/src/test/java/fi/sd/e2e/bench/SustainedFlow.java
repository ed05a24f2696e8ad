package fi.sd.e2e.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

import fi.sd.e2e.ConsumerLag;
import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.ServiceProcess;
import fi.sd.e2e.Workspaces;
import fi.sd.events.Topic;

/**
 * Grant → release → mount at a fixed rate through the gateway; then how fast desktop-service catches up on a
 * backlog with one and with two replicas.
 */
final class SustainedFlow {

    private static final int RATE = 100;
    private static final Duration PERIOD = Duration.ofSeconds(60);
    /** Large enough that the catch-up, not the JVMs' start, is most of the time measured. */
    private static final int BACKLOG_FLOWS = 4_000;
    private static final String TOPIC = Topic.PERMIT.topicName();

    private final E2eSystem system;
    private final FlowDriver driver;

    SustainedFlow(E2eSystem system) {
        this.system = system;
        this.driver = new FlowDriver(system);
    }

    void sustained(Report report) throws Exception {
        report.section("Sustained flow", "Flows offered at " + RATE + " per second for " + PERIOD.toSeconds() + " s through the "
                + "gateway, each `POST /api/v1/permits` (Findata), `POST /api/v1/permits/{id}/releases` and the `PUT` of its file; a flow is done "
                + "when desktop-service has mounted the release. Then: how long until desktop-service's consumer lag on `"
                + TOPIC + "` is back to 0 after the last flow was acknowledged, and whether every acknowledged release was "
                + "mounted exactly once.");
        String prefix = "bench-sustained-" + UUID.randomUUID().toString().substring(0, 8);
        ServiceWork work = new ServiceWork(system);
        CpuShares cpu = new CpuShares(system.root());
        work.start();
        cpu.start();
        FlowDriver.Run run = driver.run(prefix, RATE, PERIOD);
        cpu.stop();
        double lagSeconds = secondsUntilCaughtUp(Duration.ofSeconds(120));
        work.stop();
        String load = Machine.loadAverage();
        long mounted = awaitMounts(prefix, run.released(), Duration.ofSeconds(60));
        Workspaces.Count workspaces = Workspaces.count(system, prefix);
        double achieved = run.released() / (PERIOD.toNanos() / 1e9);
        report.table("offered", "not started (driver backlog)", "acknowledged flows", "failed", "acknowledged per s",
                "lag back to 0 after (s)", "mounted", "workspaces (rows / permits)");
        report.row(run.offered(), run.skipped(), run.released(), run.failed(), String.format("%.1f", achieved),
                String.format("%.1f", lagSeconds), mounted, workspaces.rows() + " / " + workspaces.permits());
        report.note(String.format("The last flow was acknowledged %.1f s after the first was offered.", run.seconds()));
        report.note("\nWhat each consumer did from the first flow offered until the lag was back to 0 (its `/q/metrics`: "
                + "`sd_events_consumed_total`; `hibernate_statements_total{status=\"prepared\"}`, a JDBC batch counting once, every "
                + "statement of the service included; `hibernate_transactions_total`), load average " + load + ":\n");
        work.report(report);
        report.note(String.format("\nWhere the machine's CPU went while the flows were offered and answered (%.1f s; each process's CPU "
                + "time from /proc, grouped), and what one acknowledged flow cost each:\n", run.seconds()));
        cpu.report(report, "acknowledged flow", run.released());
        boolean held = run.skipped() == 0 && run.failed() == 0 && achieved >= RATE * 0.95;
        report.verdict("sustained flow", String.format("%.1f flows/s acknowledged of %d offered", achieved, RATE), RATE + " flows/s held",
                held);
        report.verdict("consumer lag after the flow", String.format("0 after %.1f s", lagSeconds), "0 within 5 s", lagSeconds <= 5);
        long lost = run.released() - mounted;
        report.verdict("flows lost", lost + " lost, " + (workspaces.rows() - workspaces.permits()) + " workspaces twice", "0 lost",
                lost == 0 && workspaces.rows() == workspaces.permits());
    }

    void scaleOut(Report report) throws Exception {
        report.section("Scale-out", "desktop-service is stopped, " + BACKLOG_FLOWS + " flows are granted and released meanwhile, "
                + "and desktop-service is started again with one replica, then (for a second backlog of the same size) with two, "
                + "launched together. The figure is the catch-up rate: the backlog of `" + TOPIC + "` (records) divided by the "
                + "time from launching the replicas until the group's lag is 0, so each figure includes one JVM start (they "
                + "consume as soon as they are up, before they report ready). Both replicas share the machine's two cores with "
                + "the other services, the broker, PostgreSQL and the load generator.");
        report.table("replicas", "backlog (records)", "catch-up (records/s)", "mounted / released", "workspaces (rows / permits)");
        double one = catchUp(report, 1);
        double two = catchUp(report, 2);
        report.verdict("scale-out", String.format("%.0f → %.0f records/s (× %.2f)", one, two, two / one), "throughput rises with 2 replicas",
                two > one);
    }

    private double catchUp(Report report, int replicas) throws Exception {
        ServiceProcess desktop = system.service(E2eSystem.DESKTOP);
        desktop.stop();
        String prefix = "bench-scale" + replicas + "-" + UUID.randomUUID().toString().substring(0, 8);
        FlowDriver.Run run = driver.run(prefix, RATE, Duration.ofSeconds(BACKLOG_FLOWS / RATE));
        ServiceProcess second = null;
        double rate;
        long backlog;
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            backlog = lag.of(E2eSystem.DESKTOP, TOPIC);
            long from = System.nanoTime();
            CompletableFuture<Void> first = CompletableFuture.runAsync(desktop::start);
            CompletableFuture<ServiceProcess> other = replicas == 2
                    ? CompletableFuture.supplyAsync(() -> system.startReplica(E2eSystem.DESKTOP))
                    : CompletableFuture.completedFuture(null);
            first.get(300, TimeUnit.SECONDS);
            second = other.get(300, TimeUnit.SECONDS);
            long left = awaitAtMost(Duration.ofSeconds(300), Duration.ofMillis(100), () -> lag.of(E2eSystem.DESKTOP, TOPIC),
                    remaining -> remaining == 0);
            rate = (backlog - left) / ((System.nanoTime() - from) / 1e9);
        }
        long mounted = awaitMounts(prefix, run.released(), Duration.ofSeconds(60));
        Workspaces.Count workspaces = Workspaces.count(system, prefix);
        report.row(replicas, backlog, String.format("%.0f", rate), mounted + " / " + run.released(),
                workspaces.rows() + " / " + workspaces.permits());
        if (second != null) {
            second.stop();
        }
        return rate;
    }

    private double secondsUntilCaughtUp(Duration limit) throws Exception {
        long from = System.nanoTime();
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            await("desktop-service's lag back to 0").atMost(limit).pollInterval(Duration.ofMillis(50))
                    .until(() -> lag.of(E2eSystem.DESKTOP, TOPIC) == 0);
        }
        return (System.nanoTime() - from) / 1e9;
    }

    private long awaitMounts(String prefix, long expected, Duration limit) throws Exception {
        return awaitAtMost(limit, Duration.ofMillis(200), () -> Workspaces.mounts(system, prefix), mounted -> mounted >= expected);
    }

    /** Polls until the value satisfies {@code done} or the time is up; either way returns the last value read. */
    private static long awaitAtMost(Duration limit, Duration poll, Callable<Long> value, Predicate<Long> done) throws Exception {
        try {
            return await().atMost(limit).pollInterval(poll).until(value, done);
        } catch (ConditionTimeoutException e) {
            return value.call();
        }
    }
}
