package fi.sd.events.apply;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/** A handler revoked an approved application; its members are blocklisted for its datasets. */
public record ApplicationRevoked(
        String applicationId,
        String permitId,
        List<String> datasetIds,
        List<String> members,
        String comment,
        String actor,
        Instant occurredAt) implements EventPayload {
}
