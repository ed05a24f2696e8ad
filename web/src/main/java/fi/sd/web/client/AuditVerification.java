package fi.sd.web.client;

/** The audit chain walked from its first entry: intact, or the first entry altered or removed. */
public record AuditVerification(boolean valid, long entries, Long brokenAt, String reason) {
}
