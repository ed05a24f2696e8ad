package fi.sd.events.apply;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/** A handler rejected an application. */
public record ApplicationRejected(
        String applicationId,
        String permitId,
        List<String> datasetIds,
        String comment,
        String actor,
        Instant occurredAt) implements EventPayload {
}
