package fi.sd.platform.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code sd_outbox_backlog}: events written but not yet acknowledged by Kafka. Counted on a
 * schedule rather than on every scrape, so that scrapes never touch the database.
 */
@Startup
@ApplicationScoped
public class OutboxBacklogGauge {

    private static final Logger LOG = Logger.getLogger(OutboxBacklogGauge.class);

    private final OutboxPublisher publisher;
    private final AtomicLong backlog = new AtomicLong();

    @Inject
    public OutboxBacklogGauge(OutboxPublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        Gauge.builder("sd.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox events not yet published to Kafka")
                .register(registry);
    }

    @Scheduled(every = "${sd.messaging.outbox.backlog-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            backlog.set(publisher.backlog());
        } catch (RuntimeException e) {
            LOG.debugf("Outbox backlog not counted: %s", e.toString());
        }
    }

    public long current() {
        return backlog.get();
    }
}
