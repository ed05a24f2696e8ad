package fi.sd.events.desktop;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** The cloud could not create a desktop. */
public record DesktopProvisioningFailed(String desktopId, String workspaceId, String permitId, String error, Instant occurredAt)
        implements EventPayload {
}
