package fi.sd.events.apply;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/**
 * An application was closed, by a handler or by the system when its permit expired or was
 * revoked ({@code actor} is then {@code system}).
 */
public record ApplicationClosed(
        String applicationId,
        String permitId,
        List<String> datasetIds,
        String comment,
        String actor,
        Instant occurredAt) implements EventPayload {
}
