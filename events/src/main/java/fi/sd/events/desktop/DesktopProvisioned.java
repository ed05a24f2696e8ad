package fi.sd.events.desktop;

import java.time.Instant;

import fi.sd.events.EventPayload;

/** A virtual desktop is running in a workspace. */
public record DesktopProvisioned(
        String desktopId,
        String workspaceId,
        String permitId,
        String name,
        String flavour,
        String image,
        int volumeGb,
        Instant occurredAt) implements EventPayload {
}
