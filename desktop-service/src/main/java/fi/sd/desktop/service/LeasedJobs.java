package fi.sd.desktop.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.platform.jobs.DueWork;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the jobs that move files outside any transaction, each item leased to one runner at a time: the release
 * deliveries ({@link ReleaseDeliveryRunner}) and the export copies ({@link ExportCopyRunner}). Each runs right after
 * a transaction that gave it work commits (on this replica), and every {@code sd.desktop.provider.poll-interval} on
 * every replica, for items whose runner died (its lease ran out) or whose back-off has passed.
 */
@ApplicationScoped
public class LeasedJobs {

    /** Fired in the transaction that recorded a release with stored files; observed after it commits. */
    public record ReleaseRecorded() {
    }

    /** Fired in the transaction that recorded an export whose files are to be copied; observed after it commits. */
    public record ExportRequested() {
    }

    private final DueWork deliveries;
    private final DueWork copies;

    @Inject
    public LeasedJobs(ReleaseDeliveryRunner deliveryRunner, ExportCopyRunner copyRunner, DesktopConfig config) {
        int batchSize = config.provider().pollBatchSize();
        this.deliveries = new DueWork("release-deliveries", batchSize, deliveryRunner::runDue);
        this.copies = new DueWork("export-copies", batchSize, copyRunner::runDue);
    }

    void onReleaseRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReleaseRecorded recorded) {
        deliveries.nudge();
    }

    void onExportRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportRequested requested) {
        copies.nudge();
    }

    @Scheduled(identity = "release-deliveries", every = "${sd.desktop.provider.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverReleases() {
        deliveries.run();
    }

    @Scheduled(identity = "export-copies", every = "${sd.desktop.provider.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void copyDueExports() {
        copies.run();
    }

    /** Copies until none is due (on the calling thread); returns how many were claimed. */
    public int copyExports() {
        return copies.run();
    }

    @PreDestroy
    void stop() {
        deliveries.close();
        copies.close();
    }
}
