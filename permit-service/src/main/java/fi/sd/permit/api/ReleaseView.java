package fi.sd.permit.api;

import java.time.Instant;
import java.util.List;

import fi.sd.events.permit.ReleasedFile;

/** A data release as the API shows it. */
public record ReleaseView(
        String id,
        String permitId,
        String projectId,
        String datasetId,
        List<ReleasedFile> files,
        String releasedBy,
        Instant releasedAt) {
}
