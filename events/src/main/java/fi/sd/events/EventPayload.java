package fi.sd.events;

import java.time.Instant;

/**
 * The payload of a domain event. Every event belongs to exactly one permit: the permit id is
 * the Kafka key, so that the events of one permit land in one partition and keep their order.
 */
public interface EventPayload {

    String permitId();

    /** When the change happened: the CloudEvents {@code time} attribute. */
    Instant occurredAt();
}
