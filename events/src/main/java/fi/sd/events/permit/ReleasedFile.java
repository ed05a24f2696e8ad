package fi.sd.events.permit;

/** A file delivered in a data release, with its size and SHA-256 checksum (hex). */
public record ReleasedFile(String name, long sizeBytes, String sha256) {
}
