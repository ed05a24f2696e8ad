package fi.sd.desktop.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A result file of an export: its path in the desktop's {@code /export} folder, and the size and SHA-256
 * (lower-case hex) of the bytes the service copied from there at request time into the object
 * ({@code storageKey}, below the permit; null for exports recorded before exports carried bytes).
 */
@Embeddable
public class ExportedFile {

    @Column(nullable = false, length = 1000)
    public String path;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "storage_key", length = 200)
    public String storageKey;

    /** The last segment of the path: the name a download is saved as. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
