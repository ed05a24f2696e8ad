package fi.sd.permit.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A file declared in a release: its name, size and SHA-256 (lower-case hex), and once its bytes
 * are stored and verified, where (its encrypted object), how large stored, when and by whom.
 */
@Embeddable
public class ReleaseFile {

    @Column(nullable = false)
    public String name;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReleaseFileState state;

    /** The encrypted object's path below the permit (the storage module's {@code ObjectName.path}). */
    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "stored_bytes")
    public Long storedBytes;

    @Column(name = "stored_at")
    public Instant storedAt;

    @Column(name = "stored_by")
    public String storedBy;

    public ReleaseFile() {
    }

    public ReleaseFile(String name, long sizeBytes, String sha256) {
        this.name = name;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.state = ReleaseFileState.PENDING;
    }

    /** Records the verified bytes of this file. */
    public void stored(String storageKey, long storedBytes, String by, Instant at) {
        this.state = ReleaseFileState.STORED;
        this.storageKey = storageKey;
        this.storedBytes = storedBytes;
        this.storedBy = by;
        this.storedAt = at;
    }
}
