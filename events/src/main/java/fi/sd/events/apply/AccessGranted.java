package fi.sd.events.apply;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A user holds an entitlement to a dataset from {@code start} until {@code end} (null: open). */
public record AccessGranted(
        String permitId,
        String applicationId,
        String userId,
        String datasetId,
        Instant start,
        Instant end,
        Instant occurredAt) implements EventPayload {
}
