package fi.sd.desktop.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A result file of an export, as the requester declared it: path in the workspace, size and SHA-256 (lower-case hex). */
@Embeddable
public class ExportedFile {

    @Column(nullable = false, length = 1000)
    public String path;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, length = 64)
    public String sha256;
}
