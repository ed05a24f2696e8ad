package fi.sd.desktop.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.platform.jobs.Batches;
import io.quarkus.scheduler.Scheduled;

/** Every {@code sd.desktop.sessions.expiry-interval}, on every replica: expire the sessions idle beyond the timeout. */
@ApplicationScoped
public class SessionExpiryJob {

    private static final Logger LOG = Logger.getLogger(SessionExpiryJob.class);

    private final SessionService sessions;
    private final int batchSize;

    @Inject
    public SessionExpiryJob(SessionService sessions, DesktopConfig config) {
        this.sessions = sessions;
        this.batchSize = config.sessions().expiryBatchSize();
    }

    @Scheduled(identity = "session-expiry", every = "${sd.desktop.sessions.expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int expired = run();
        if (expired > 0) {
            LOG.infof("Session expiry: %d idle session(s) expired", expired);
        }
    }

    /** One run, batch after batch until none is idle (rows other replicas hold are theirs); returns how many. */
    public int run() {
        return Batches.drain(batchSize, sessions::expireIdle);
    }
}
