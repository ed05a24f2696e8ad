package fi.sd.platform.outbox;

import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code sd_outbox_backlog}: events written but not yet acknowledged by Kafka. Counted on a
 * schedule rather than on every scrape, so that scrapes never touch the database. While it cannot
 * be counted (the database is unreachable) the gauge is NaN, not the last count, and one warning
 * is logged until it can be counted again.
 */
@Startup
@ApplicationScoped
public class OutboxBacklogGauge {

    private static final Logger LOG = Logger.getLogger(OutboxBacklogGauge.class);

    private final LongSupplier count;
    private volatile double backlog = Double.NaN;
    private volatile boolean failing;

    @Inject
    public OutboxBacklogGauge(OutboxPublisher publisher, MeterRegistry registry) {
        this(publisher::backlog, registry);
    }

    OutboxBacklogGauge(LongSupplier count, MeterRegistry registry) {
        this.count = count;
        Gauge.builder("sd.outbox.backlog", this, OutboxBacklogGauge::current)
                .description("Outbox events not yet published to Kafka; NaN while they cannot be counted")
                .register(registry);
    }

    @Scheduled(every = "${sd.messaging.outbox.backlog-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            backlog = count.getAsLong();
            if (failing) {
                failing = false;
                LOG.info("Outbox backlog counted again");
            }
        } catch (RuntimeException e) {
            backlog = Double.NaN;
            if (!failing) {
                failing = true;
                LOG.warnf("Outbox backlog cannot be counted; sd_outbox_backlog is NaN until it can: %s", e.toString());
            }
        }
    }

    /** The last count, or NaN when the last attempt failed (or none was made yet). */
    public double current() {
        return backlog;
    }
}
