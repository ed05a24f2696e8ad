package fi.sd.desktop.api;

import java.time.Instant;

/**
 * A file of an import: its name under {@code /imports/{importId}}; before its upload the size and SHA-256 the
 * request declared (either may be null), after it those of the uploaded bytes, who uploaded it and when.
 */
public record ImportFileView(String name, Long sizeBytes, String sha256, boolean uploaded, String uploadedBy, Instant uploadedAt) {
}
