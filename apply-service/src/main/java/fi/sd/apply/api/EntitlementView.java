package fi.sd.apply.api;

import java.time.Instant;

import fi.sd.events.apply.AccessEndReason;

/** A user's entitlement to a dataset; {@code endedAt} and {@code endReason} once it has ended. */
public record EntitlementView(
        String id,
        String applicationId,
        String permitId,
        String userId,
        String datasetId,
        Instant start,
        Instant end,
        boolean active,
        Instant endedAt,
        AccessEndReason endReason) {
}
