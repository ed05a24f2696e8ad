package fi.sd.events.apply;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A handler returned an application to its applicant for changes. */
public record ApplicationReturned(String applicationId, String permitId, String comment, String actor, Instant occurredAt)
        implements EventPayload {
}
