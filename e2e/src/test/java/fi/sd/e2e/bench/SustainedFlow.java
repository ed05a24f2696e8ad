package fi.sd.e2e.bench;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
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
        boolean pinning = CpuPinning.possible();
        String replicaCpu = Integer.toString(CpuPinning.cpus() - 1);
        String restCpus = CpuPinning.cpus() > 2 ? "0-" + (CpuPinning.cpus() - 2) : "0";
        report.section("Scale-out", "desktop-service is stopped, " + BACKLOG_FLOWS + " flows are granted and released meanwhile, "
                + "and desktop-service is started again with one replica, then (for a second backlog of the same size) with two, "
                + "launched together. The figure is the catch-up rate: the backlog of `" + TOPIC + "` (records) divided by the "
                + "time from launching the replicas until the group's lag is 0, so each figure includes one JVM start (they "
                + "consume as soon as they are up, before they report ready). First the replicas share the machine's cores with "
                + "the other services, the broker, PostgreSQL and the load generator. Then the same two runs with the replicas "
                + "pinned apart (`taskset`), " + (pinning ? "once the backlog is written: this benchmark's JVM (the load generator "
                + "and the lag poller) and every process it started (the Kafka broker, Keycloak, the other services) with "
                + "`taskset -a -p -c " + restCpus + "`, the desktop database's PostgreSQL backends likewise as they appear "
                + "(polled every 100 ms; the server's shared processes, WAL writer and checkpointer, are left alone), and the "
                + "desktop-service replicas launched with `taskset -c " + replicaCpu + "`, all of them on that one CPU: "
                + "whether a second replica raises the rate when the replicas' CPU is their own, i.e. whether one replica leaves "
                + "it idle waiting on the broker and the database and nothing makes the replicas wait for each other. Every "
                + "process gets all CPUs back afterwards." : "which needs `taskset` and two CPUs: not measured here.")
                + " During each catch-up, the desktop database's connections are sampled every 100 ms (`pg_stat_activity`): "
                + "how many wait on a lock (`wait_event_type = 'Lock'`), on which table; and `audit_head`'s updated rows "
                + "(`pg_stat_user_tables`) per record consumed: how often the audit chain's head was locked.");
        report.table("replicas", "CPUs", "backlog (records)", "catch-up (records/s)", "replicas' CPU (s) / elapsed (s)",
                "lock waits sampled", "audit_head updates per record", "mounted / released", "workspaces (rows / permits)");
        CatchUp one = catchUp(report, 1, Optional.empty());
        CatchUp two = catchUp(report, 2, Optional.empty());
        report.verdict("scale-out", String.format("%.0f → %.0f records/s (× %.2f)", one.rate(), two.rate(), two.rate() / one.rate()),
                "throughput rises with 2 replicas", two.rate() > one.rate());
        if (pinning) {
            Pinned pinned = new Pinned(replicaCpu, restCpus);
            CatchUp pinnedOne = catchUp(report, 1, Optional.of(pinned));
            CatchUp pinnedTwo = catchUp(report, 2, Optional.of(pinned));
            report.verdict("scale-out, replicas pinned apart", String.format("%.0f → %.0f records/s (× %.2f) on CPU %s",
                    pinnedOne.rate(), pinnedTwo.rate(), pinnedTwo.rate() / pinnedOne.rate(), replicaCpu),
                    "throughput rises with 2 replicas", pinnedTwo.rate() > pinnedOne.rate());
        }
        report.verdict("lock waits with 2 replicas", String.format("%d of %d busy connections waiting (%.1f %%)", two.waiting(),
                two.busy(), 100.0 * two.waiting() / Math.max(1, two.busy())), "under 1 % of busy connections",
                two.waiting() * 100 < two.busy());
    }

    /** The replicas on {@code replicaCpu}, everything else of the run on {@code restCpus}. */
    private record Pinned(String replicaCpu, String restCpus) {
    }

    private record CatchUp(double rate, long waiting, long busy) {
    }

    private CatchUp catchUp(Report report, int replicas, Optional<Pinned> pinned) throws Exception {
        ServiceProcess desktop = system.service(E2eSystem.DESKTOP);
        desktop.stop();
        String prefix = "bench-scale" + replicas + "-" + UUID.randomUUID().toString().substring(0, 8);
        FlowDriver.Run run = driver.run(prefix, RATE, Duration.ofSeconds(BACKLOG_FLOWS / RATE));
        ServiceProcess second = null;
        double rate;
        long backlog;
        double elapsed;
        String waits;
        CatchUp result;
        pinned.ifPresent(p -> CpuPinning.pinWithDescendants(ProcessHandle.current(), p.restCpus()));
        Set<Long> pinnedBackends = Set.of();
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers());
                Connection database = system.database(E2eSystem.DESKTOP)) {
            backlog = lag.of(E2eSystem.DESKTOP, TOPIC);
            long headUpdates = LockWaits.rowsUpdated(database, "audit_head");
            long from = System.nanoTime();
            try (LockWaits lockWaits = LockWaits.sample(system.database(E2eSystem.DESKTOP), pinned.map(Pinned::restCpus))) {
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> launch(desktop, pinned));
                CompletableFuture<ServiceProcess> other = replicas == 2
                        ? CompletableFuture.supplyAsync(() -> pinned.isPresent()
                                ? system.startReplicaOn(E2eSystem.DESKTOP, pinned.get().replicaCpu())
                                : system.startReplica(E2eSystem.DESKTOP))
                        : CompletableFuture.completedFuture(null);
                first.get(300, TimeUnit.SECONDS);
                second = other.get(300, TimeUnit.SECONDS);
                long left = awaitAtMost(Duration.ofSeconds(300), Duration.ofMillis(100), () -> lag.of(E2eSystem.DESKTOP, TOPIC),
                        remaining -> remaining == 0);
                elapsed = (System.nanoTime() - from) / 1e9;
                rate = (backlog - left) / elapsed;
                waits = lockWaits.summary();
                result = new CatchUp(rate, lockWaits.waitingBackends(), lockWaits.activeBackends());
                pinnedBackends = lockWaits.pinnedBackends();
            } finally {
                if (pinned.isPresent()) {
                    CpuPinning.pinWithDescendants(ProcessHandle.current(), CpuPinning.all());
                    pinnedBackends.forEach(pid -> CpuPinning.pin(pid, CpuPinning.all()));
                }
            }
            double cpu = (desktop.cpuTime().toMillis() + (second == null ? 0 : second.cpuTime().toMillis())) / 1e3;
            long mounted = awaitMounts(prefix, run.released(), Duration.ofSeconds(60));
            Workspaces.Count workspaces = Workspaces.count(system, prefix);
            double headUpdatesPerRecord = (LockWaits.rowsUpdated(database, "audit_head") - headUpdates) / (double) Math.max(1, backlog);
            report.row(replicas, pinned.map(p -> "replicas on " + p.replicaCpu() + ", the rest on " + p.restCpus()).orElse("shared"),
                    backlog, String.format("%.0f", rate), String.format("%.1f / %.1f", cpu, elapsed), waits,
                    String.format("%.2f", headUpdatesPerRecord), mounted + " / " + run.released(),
                    workspaces.rows() + " / " + workspaces.permits());
        }
        if (second != null) {
            second.stop();
        }
        return result;
    }

    private static void launch(ServiceProcess desktop, Optional<Pinned> pinned) {
        if (pinned.isPresent()) {
            desktop.startOn(pinned.get().replicaCpu());
        } else {
            desktop.start();
        }
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
