package fi.sd.events.desktop;

import java.time.Instant;

/** One thing a purge deleted: a desktop, a volume or a dataset mount. */
public record DeletedResource(String kind, String id, String name, Instant deletedAt) {
}
