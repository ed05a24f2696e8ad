package fi.sd.events.permit;

/**
 * A file delivered in a data release, with its size and SHA-256 checksum (hex), and where its
 * encrypted bytes are: {@code storageKey}, the object's path below the permit in the object store
 * (the storage module's {@code ObjectName.of(permitId, storageKey)}); null for a release recorded
 * before releases carried bytes.
 */
public record ReleasedFile(String name, long sizeBytes, String sha256, String storageKey) {

    /** A file described only, without stored bytes. */
    public ReleasedFile(String name, long sizeBytes, String sha256) {
        this(name, sizeBytes, sha256, null);
    }
}
