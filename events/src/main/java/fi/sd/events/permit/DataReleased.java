package fi.sd.events.permit;

import java.time.Instant;
import java.util.List;

import fi.sd.events.EventPayload;

/** A dataset's files were delivered into the project's secure environment: every one stored, encrypted and verified. */
public record DataReleased(
        String releaseId,
        String permitId,
        String projectId,
        String datasetId,
        List<ReleasedFile> files,
        String actor,
        Instant occurredAt) implements EventPayload {
}
