package fi.sd.events.permit;

import java.time.Instant;
import java.time.LocalDate;

import fi.sd.events.EventPayload;

/** A permit's validity ended; all access it gave ends now. */
public record PermitExpired(String permitId, String projectId, LocalDate validUntil, Instant occurredAt)
        implements EventPayload {
}
