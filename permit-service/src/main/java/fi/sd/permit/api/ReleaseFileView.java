package fi.sd.permit.api;

import java.time.Instant;

import fi.sd.permit.domain.ReleaseFileState;

/** A declared file of a release, and whether its bytes are stored and verified. */
public record ReleaseFileView(String name, long sizeBytes, String sha256, ReleaseFileState state, Instant storedAt) {
}
