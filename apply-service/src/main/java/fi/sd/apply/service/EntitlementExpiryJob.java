package fi.sd.apply.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.apply.config.ApplyConfig;
import fi.sd.platform.jobs.Batches;
import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code sd.apply.entitlements.expiry-interval}, on every replica: end the entitlements
 * whose end date has come (REMS leaves them to a manual close: its issue #3333).
 */
@ApplicationScoped
public class EntitlementExpiryJob {

    private static final Logger LOG = Logger.getLogger(EntitlementExpiryJob.class);

    private final EntitlementService entitlements;
    private final int batchSize;

    @Inject
    public EntitlementExpiryJob(EntitlementService entitlements, ApplyConfig config) {
        this.entitlements = entitlements;
        this.batchSize = config.entitlements().batchSize();
    }

    @Scheduled(identity = "entitlement-expiry", every = "${sd.apply.entitlements.expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int ended = run();
        if (ended > 0) {
            LOG.infof("Entitlement expiry: %d entitlement(s) reached their end", ended);
        }
    }

    /** Batch after batch until a short one: nothing more is due, or other replicas hold the rest. */
    public int run() {
        return Batches.drain(batchSize, entitlements::endDue);
    }
}
