package fi.sd.desktop.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.platform.jobs.Batches;
import io.quarkus.scheduler.Scheduled;

/** Every {@code sd.desktop.purge.interval}, on every replica: purge the locked workspaces whose retention has ended. */
@ApplicationScoped
public class WorkspacePurgeJob {

    private static final Logger LOG = Logger.getLogger(WorkspacePurgeJob.class);

    private final WorkspacePurgeService purge;
    private final DesktopConfig.Purge config;

    @Inject
    public WorkspacePurgeJob(WorkspacePurgeService purge, DesktopConfig config) {
        this.purge = purge;
        this.config = config.purge();
    }

    @Scheduled(identity = "workspace-purge", every = "${sd.desktop.purge.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int purged = run();
        if (purged > 0) {
            LOG.infof("Purge run: %d workspace(s) purged", purged);
        }
    }

    /** One run, batch after batch until nothing is due (a short batch means nothing more, or others hold the rest); returns how many. */
    public int run() {
        return Batches.drain(config.batchSize(), purge::purgeDue);
    }
}
