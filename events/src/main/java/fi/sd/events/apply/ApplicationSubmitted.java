package fi.sd.events.apply;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/** An applicant submitted (or resubmitted after a return) an access application. */
public record ApplicationSubmitted(
        String applicationId,
        String permitId,
        String applicant,
        List<String> datasetIds,
        List<String> members,
        boolean resubmission,
        String actor,
        Instant occurredAt) implements EventPayload {
}
