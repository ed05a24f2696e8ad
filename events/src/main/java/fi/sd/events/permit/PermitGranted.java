package fi.sd.events.permit;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A data permit was recorded (version 1). */
public record PermitGranted(PermitSnapshot permit, String actor, Instant occurredAt) implements EventPayload {

    @Override
    public String permitId() {
        return permit.permitId();
    }
}
