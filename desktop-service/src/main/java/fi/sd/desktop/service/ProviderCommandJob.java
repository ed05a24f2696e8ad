package fi.sd.desktop.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.platform.jobs.Nudges;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the provider commands: right after a transaction that recorded some commits (on this replica),
 * and every {@code sd.desktop.provider.poll-interval} on every replica, for commands whose runner died
 * or whose back-off has passed.
 */
@ApplicationScoped
public class ProviderCommandJob {

    private static final Logger LOG = Logger.getLogger(ProviderCommandJob.class);

    private final ProviderCommandRunner runner;
    private final int batchSize;
    private final Nudges nudges = new Nudges("provider-commands", this::run);

    @Inject
    public ProviderCommandJob(ProviderCommandRunner runner, DesktopConfig config) {
        this.runner = runner;
        this.batchSize = config.provider().pollBatchSize();
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProviderCommands.Recorded recorded) {
        nudges.nudge();
    }

    @Scheduled(identity = "provider-commands", every = "${sd.desktop.provider.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    /** Batch after batch until none is due (rows other replicas hold are theirs). */
    void run() {
        try {
            int claimed;
            do {
                claimed = runner.runDue(batchSize);
            } while (claimed == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Provider commands could not be run now; the next run tries again");
        }
    }

    @PreDestroy
    void stop() {
        nudges.close();
    }
}
