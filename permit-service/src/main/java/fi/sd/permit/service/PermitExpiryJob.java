package fi.sd.permit.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.IntUnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.permit.config.PermitConfig;
import fi.sd.permit.domain.Validity;
import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code sd.permit.expiry.interval}, on every replica: expire the permits whose validity has
 * ended, then warn about those ending within {@code sd.permit.expiry.notice-days}. A permit whose
 * end was missed altogether (the service was down through the notice period) is only expired.
 */
@ApplicationScoped
public class PermitExpiryJob {

    private static final Logger LOG = Logger.getLogger(PermitExpiryJob.class);

    private final PermitExpiryService expiry;
    private final Clock clock;
    private final PermitConfig.Expiry config;

    @Inject
    public PermitExpiryJob(PermitExpiryService expiry, Clock clock, PermitConfig config) {
        this.expiry = expiry;
        this.clock = clock;
        this.config = config.expiry();
    }

    @Scheduled(identity = "permit-expiry", every = "${sd.permit.expiry.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Outcome outcome = run();
        if (outcome.expired() + outcome.announced() > 0) {
            LOG.infof("Expiry run: %d permit(s) expired, %d warned of expiry", outcome.expired(), outcome.announced());
        }
    }

    /** One run, batch after batch until nothing is due; safe to call from any number of threads or replicas at once. */
    public Outcome run() {
        LocalDate today = Validity.today(clock);
        int expired = drain(limit -> expiry.expireDue(today, limit));
        int announced = drain(limit -> expiry.announceDue(today, today.plusDays(config.noticeDays()), limit));
        return new Outcome(expired, announced);
    }

    /** Runs batches while they come back full; a short batch means nothing more is due, or others hold the rest. */
    private int drain(IntUnaryOperator batch) {
        int total = 0;
        int claimed;
        do {
            claimed = batch.applyAsInt(config.batchSize());
            total += claimed;
        } while (claimed == config.batchSize());
        return total;
    }

    /** What one run did. */
    public record Outcome(int expired, int announced) {
    }
}
