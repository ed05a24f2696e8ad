package fi.sd.events.permit;

import java.time.Instant;
import java.time.LocalDate;

import fi.sd.events.EventPayload;

/** A permit's validity ends within the configured notice period; sent once per validity end. */
public record PermitExpiringSoon(String permitId, String projectId, LocalDate validUntil, int daysLeft, Instant occurredAt)
        implements EventPayload {
}
