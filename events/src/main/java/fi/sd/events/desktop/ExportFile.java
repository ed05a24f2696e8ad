package fi.sd.events.desktop;

/** A result file to leave the workspace, with its size and SHA-256 checksum (hex). */
public record ExportFile(String path, long sizeBytes, String sha256) {
}
