package fi.sd.platform.inbox;

import java.time.Instant;

/** Where an event came from: its CloudEvents attributes and its position on Kafka. */
public record EventContext(
        String eventId,
        String type,
        String source,
        String subject,
        Instant time,
        String requestId,
        String topic,
        int partition,
        long offset) {
}
