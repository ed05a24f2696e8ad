package fi.sd.events.permit;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/**
 * A permit was amended: {@code permit} is the new version in full, {@code changes} names the
 * fields that differ from the previous version ({@code validUntil}, {@code persons}, {@code datasets}).
 */
public record PermitAmended(PermitSnapshot permit, List<String> changes, String reason, String actor, Instant occurredAt)
        implements EventPayload {

    @Override
    public String permitId() {
        return permit.permitId();
    }
}
