package fi.sd.desktop.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A file a release declares: its name (a path inside the dataset's folder), size and SHA-256, and where its
 * encrypted bytes are in the object store ({@code storageKey}, below the permit; null when the release carried none).
 */
@Embeddable
public class DeclaredFile {

    @Column(nullable = false)
    public String name;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "storage_key")
    public String storageKey;

    public DeclaredFile() {
    }

    public DeclaredFile(String name, long sizeBytes, String sha256, String storageKey) {
        this.name = name;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
    }
}
