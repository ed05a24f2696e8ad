package fi.sd.permit.service;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.permit.config.PermitConfig;
import fi.sd.permit.domain.Validity;
import fi.sd.platform.jobs.Batches;
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
        int expired = Batches.drain(config.batchSize(), limit -> expiry.expireDue(today, limit));
        int announced = Batches.drain(config.batchSize(), limit -> expiry.announceDue(today, today.plusDays(config.noticeDays()), limit));
        return new Outcome(expired, announced);
    }

    /** What one run did. */
    public record Outcome(int expired, int announced) {
    }
}
