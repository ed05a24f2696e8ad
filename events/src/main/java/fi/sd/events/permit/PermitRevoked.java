package fi.sd.events.permit;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A permit was revoked by its issuer; all access it gave ends now. */
public record PermitRevoked(String permitId, int version, String projectId, String reason, String actor, Instant occurredAt)
        implements EventPayload {
}
