package fi.sd.permit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A file delivered in a release: its name, size and SHA-256 (lower-case hex). */
@Embeddable
public class ReleaseFile {

    @Column(nullable = false)
    public String name;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    public ReleaseFile() {
    }

    public ReleaseFile(String name, long sizeBytes, String sha256) {
        this.name = name;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
    }
}
