package fi.sd.desktop.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.platform.jobs.Batches;
import fi.sd.platform.jobs.Nudges;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the release deliveries: right after a transaction that recorded a release commits (on this replica),
 * and every {@code sd.desktop.provider.poll-interval} on every replica, for deliveries whose runner died or
 * whose back-off has passed.
 */
@ApplicationScoped
public class ReleaseDeliveryJob {

    private static final Logger LOG = Logger.getLogger(ReleaseDeliveryJob.class);

    /** Fired in the transaction that recorded a release with stored files; observed after it commits. */
    public record Recorded() {
    }

    private final ReleaseDeliveryRunner runner;
    private final int batchSize;
    private final Nudges nudges = new Nudges("release-deliveries", this::run);

    @Inject
    public ReleaseDeliveryJob(ReleaseDeliveryRunner runner, DesktopConfig config) {
        this.runner = runner;
        this.batchSize = config.provider().pollBatchSize();
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Recorded recorded) {
        nudges.nudge();
    }

    @Scheduled(identity = "release-deliveries", every = "${sd.desktop.provider.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    /** Batch after batch until none is due; returns how many were claimed. */
    public int run() {
        try {
            return Batches.drain(batchSize, runner::runDue);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Release deliveries could not be run now; the next run tries again");
            return 0;
        }
    }

    @PreDestroy
    void stop() {
        nudges.close();
    }
}
