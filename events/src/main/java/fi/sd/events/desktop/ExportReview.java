package fi.sd.events.desktop;

import java.time.Instant;

/** One reviewer's decision on an export, in the role they reviewed it in. */
public record ExportReview(String reviewer, String role, String comment, Instant decidedAt) {
}
