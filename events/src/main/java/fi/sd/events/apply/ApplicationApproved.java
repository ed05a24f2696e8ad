package fi.sd.events.apply;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/**
 * A handler approved an application: its members may use its datasets. {@code entitlementEnd}
 * is null when access lasts as long as the permit.
 */
public record ApplicationApproved(
        String applicationId,
        String permitId,
        List<String> datasetIds,
        List<String> members,
        Instant entitlementEnd,
        String comment,
        String actor,
        Instant occurredAt) implements EventPayload {
}
