package fi.sd.apply.api;

import java.time.Instant;

/** A user barred from a dataset by a revocation. */
public record BlocklistView(String userId, String datasetId, String applicationId, String comment, String addedBy, Instant addedAt) {
}
