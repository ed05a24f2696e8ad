package fi.sd.desktop.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.platform.jobs.Batches;
import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code sd.desktop.purge.interval}, on every replica: purge the locked workspaces whose retention has ended,
 * and crypto-shred what they held.
 */
@ApplicationScoped
public class WorkspacePurgeJob {

    private static final Logger LOG = Logger.getLogger(WorkspacePurgeJob.class);

    private final WorkspacePurgeService purge;
    private final WorkspaceShredRunner shreds;
    private final DesktopConfig.Purge config;

    @Inject
    public WorkspacePurgeJob(WorkspacePurgeService purge, WorkspaceShredRunner shreds, DesktopConfig config) {
        this.purge = purge;
        this.shreds = shreds;
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

    /**
     * One run, batch after batch until nothing is due (a short batch means nothing more, or others hold the rest),
     * then the keys and files of the purged workspaces (and of earlier ones whose shred failed) destroyed after the
     * commit; returns how many workspaces were purged.
     */
    public int run() {
        int purged = Batches.drain(config.batchSize(), purge::purgeDue);
        try {
            Batches.drain(config.batchSize(), shreds::runDue);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Purged workspaces' keys and files could not be destroyed now; the next run tries again");
        }
        return purged;
    }
}
