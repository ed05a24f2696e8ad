package fi.sd.desktop.api;

import java.time.Instant;
import java.util.List;

/** The answer to {@code POST /exports/{id}/download-links}: one link per file of the approved export. */
public record DownloadLinksView(List<Link> links) {

    /** A file and where its requester downloads it until {@code expiresAt} ({@code href}: {@code /api/v1/export-downloads/{token}}). */
    public record Link(String path, long sizeBytes, String sha256, String href, Instant expiresAt) {
    }
}
