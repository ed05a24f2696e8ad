package fi.sd.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The event counters every service exposes at {@code /q/metrics}: {@code sd_events_published_total},
 * {@code sd_events_consumed_total} (by outcome), {@code sd_events_retried_total} and
 * {@code sd_events_dead_lettered_total}, each tagged with the CloudEvents type.
 */
@ApplicationScoped
public class MessagingMetrics {

    /** What the consumer did with one record. */
    public enum Outcome {
        PROCESSED, DUPLICATE, SKIPPED, DEAD_LETTERED
    }

    private final MeterRegistry registry;

    @Inject
    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String type) {
        registry.counter("sd.events.published", "type", type).increment();
    }

    public void consumed(String type, Outcome outcome) {
        registry.counter("sd.events.consumed", "type", type, "outcome", outcome.name().toLowerCase()).increment();
    }

    public void retried(String type) {
        registry.counter("sd.events.retried", "type", type).increment();
    }

    public void deadLettered(String type, String reason) {
        registry.counter("sd.events.dead.lettered", "type", type, "reason", reason).increment();
    }
}
