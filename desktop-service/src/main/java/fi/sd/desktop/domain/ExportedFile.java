package fi.sd.desktop.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A result file of an export: its path in the desktop's {@code /export} folder, and the size and SHA-256
 * (lower-case hex) of the bytes the service copied from there into the object ({@code storageKey}, below the
 * permit; null for exports recorded before exports carried bytes). While the export is {@code COPYING}: the size
 * the file had when the export was requested, no SHA-256 yet, the object the current copy writes, and the size
 * and SHA-256 the requester gave, which the copy must match.
 */
@Embeddable
public class ExportedFile {

    @Column(nullable = false, length = 1000)
    public String path;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(length = 64)
    public String sha256;

    @Column(name = "storage_key", length = 200)
    public String storageKey;

    @Column(name = "declared_size")
    public Long declaredSize;

    @Column(name = "declared_sha256", length = 64)
    public String declaredSha256;

    /** The last segment of the path: the name a download is saved as. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
