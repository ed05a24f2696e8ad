package fi.sd.desktop.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.desktop.config.DesktopConfig;
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
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "provider-commands");
        thread.setDaemon(true);
        return thread;
    });
    /** A nudge is queued and not yet started: further nudges until it starts are served by it. */
    private final AtomicBoolean queued = new AtomicBoolean();

    @Inject
    public ProviderCommandJob(ProviderCommandRunner runner, DesktopConfig config) {
        this.runner = runner;
        this.batchSize = config.provider().pollBatchSize();
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProviderCommands.Recorded recorded) {
        if (queued.compareAndSet(false, true)) {
            nudges.execute(() -> {
                queued.set(false);
                run();
            });
        }
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
        nudges.shutdownNow();
    }
}
