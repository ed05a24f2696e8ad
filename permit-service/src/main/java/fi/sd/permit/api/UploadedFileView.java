package fi.sd.permit.api;

import java.time.Instant;

import fi.sd.permit.domain.ReleaseFileState;
import fi.sd.permit.domain.ReleaseStatus;

/** The answer to a file upload: the file as stored and verified, and where its release now stands. */
public record UploadedFileView(
        String releaseId,
        ReleaseStatus releaseStatus,
        String name,
        long sizeBytes,
        String sha256,
        ReleaseFileState state,
        String storedBy,
        Instant storedAt) {
}
