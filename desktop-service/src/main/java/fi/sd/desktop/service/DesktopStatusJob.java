package fi.sd.desktop.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.desktop.config.DesktopConfig;
import io.quarkus.scheduler.Scheduled;

/** Every {@code sd.desktop.provider.poll-interval}, on every replica: ask the cloud about desktops waiting on it. */
@ApplicationScoped
public class DesktopStatusJob {

    private final DesktopStatusService status;
    private final int batchSize;

    @Inject
    public DesktopStatusJob(DesktopStatusService status, DesktopConfig config) {
        this.status = status;
        this.batchSize = config.provider().pollBatchSize();
    }

    /** One batch per run: a desktop not reached now is the first claimed next time (the longest-unchecked go first). */
    @Scheduled(identity = "desktop-status", every = "${sd.desktop.provider.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        status.pollDue(batchSize);
    }
}
