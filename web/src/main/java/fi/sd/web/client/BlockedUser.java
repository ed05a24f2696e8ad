package fi.sd.web.client;

import java.time.Instant;

/** A person barred from a dataset after a revoked application, until its controller lifts the block. */
public record BlockedUser(String userId, String datasetId, String applicationId, String comment, String addedBy, Instant addedAt) {
}
