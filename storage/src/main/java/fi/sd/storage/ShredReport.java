package fi.sd.storage;

import java.time.Instant;
import java.util.List;

/**
 * What crypto-shredding a permit's storage did, for its deletion record: the workspace keys
 * destroyed (every object they sealed is unreadable from then on, in any copy or backup of the
 * files' bucket) and the objects deleted, with their stored sizes.
 */
public record ShredReport(String permitId, List<String> destroyedKeyIds, List<ObjectEntry> deletedObjects, Instant completedAt) {

    public long deletedBytes() {
        return deletedObjects.stream().mapToLong(ObjectEntry::storedBytes).sum();
    }
}
