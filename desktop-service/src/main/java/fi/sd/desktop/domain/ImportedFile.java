package fi.sd.desktop.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A file of an import: its name under {@code /imports/{importId}}, the size and SHA-256 the request declared
 * (either may be absent), and, once the service desk uploaded it, the size and SHA-256 of the stored bytes and
 * their object ({@code storageKey}, below the permit).
 */
@Embeddable
public class ImportedFile {

    @Column(nullable = false, length = 1000)
    public String name;

    /** Named by the request: an import that names its files takes no others. */
    @Column(nullable = false)
    public boolean declared;

    @Column(name = "declared_size")
    public Long declaredSize;

    @Column(name = "declared_sha256", length = 64)
    public String declaredSha256;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    @Column(length = 64)
    public String sha256;

    @Column(name = "storage_key", length = 200)
    public String storageKey;

    @Column(name = "uploaded_by", length = 200)
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    public boolean uploaded() {
        return storageKey != null;
    }
}
