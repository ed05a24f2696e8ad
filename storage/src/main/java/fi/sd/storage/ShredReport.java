package fi.sd.storage;

import java.time.Instant;
import java.util.List;

/**
 * What crypto-shredding a permit's storage did, for its deletion record: the workspace keys
 * destroyed (every object they sealed is unreadable from then on, in any copy or backup of the
 * files' bucket) and the objects deleted, with their stored sizes.
 */
public record ShredReport(String permitId, List<String> destroyedKeyIds, List<DeletedObject> deletedObjects, Instant completedAt) {

    /** One deleted object: its path below the permit and its encrypted size. */
    public record DeletedObject(String path, long storedBytes) {
    }

    public long deletedBytes() {
        return deletedObjects.stream().mapToLong(DeletedObject::storedBytes).sum();
    }
}
