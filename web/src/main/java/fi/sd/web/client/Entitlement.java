package fi.sd.web.client;

import java.time.Instant;

/** A person's access to a dataset from an approved application. */
public record Entitlement(
        String id,
        String applicationId,
        String permitId,
        String userId,
        String datasetId,
        Instant start,
        Instant end,
        boolean active,
        Instant endedAt,
        String endReason) {
}
