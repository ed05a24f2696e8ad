package fi.sd.permit.api;

import java.time.Instant;
import java.util.List;

import fi.sd.permit.domain.ReleaseStatus;

/** A data release as the API shows it: {@code UPLOADING} until every file is stored and verified, then {@code RELEASED}. */
public record ReleaseView(
        String id,
        String permitId,
        String projectId,
        String datasetId,
        ReleaseStatus status,
        List<ReleaseFileView> files,
        String releasedBy,
        Instant declaredAt,
        Instant releasedAt) {
}
