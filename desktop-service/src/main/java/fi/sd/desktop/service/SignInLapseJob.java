package fi.sd.desktop.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.desktop.config.DesktopConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code sd.desktop.sessions.expiry-interval}, on every replica: end the sessions whose sign-in
 * ended (no renewed token within the grace), so that a user logged out or disabled at the identity
 * provider loses their desktop sessions with their last token.
 */
@ApplicationScoped
public class SignInLapseJob {

    private static final Logger LOG = Logger.getLogger(SignInLapseJob.class);

    private final SessionService sessions;
    private final int batchSize;

    @Inject
    public SignInLapseJob(SessionService sessions, DesktopConfig config) {
        this.sessions = sessions;
        this.batchSize = config.sessions().expiryBatchSize();
    }

    @Scheduled(identity = "session-sign-in-lapse", every = "${sd.desktop.sessions.expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int ended = run();
        if (ended > 0) {
            LOG.infof("Sign-in lapse: %d session(s) ended", ended);
        }
    }

    /** One run, batch after batch (rows other replicas hold are theirs); returns how many ended. */
    public int run() {
        int total = 0;
        int claimed;
        do {
            claimed = sessions.endLapsedSignIns(batchSize);
            total += claimed;
        } while (claimed == batchSize);
        return total;
    }
}
