package fi.sd.web.client;

import java.time.Instant;
import java.util.List;

/** A data release: the files of one dataset delivered into the project's workspace. */
public record Release(
        String id,
        String permitId,
        String projectId,
        String datasetId,
        List<ReleasedFile> files,
        String releasedBy,
        Instant releasedAt) {

    public record ReleasedFile(String name, long sizeBytes, String sha256) {
    }
}
