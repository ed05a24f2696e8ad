package fi.sd.events.apply;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A user's entitlement to a dataset ended. */
public record AccessRevoked(
        String permitId,
        String applicationId,
        String userId,
        String datasetId,
        AccessEndReason reason,
        Instant occurredAt) implements EventPayload {
}
