package fi.sd.desktop.audit;

/**
 * The result of walking the chain: {@code entries} is how many were verified in order; when the
 * chain is broken, {@code brokenAt} is the first entry that fails and {@code reason} says how.
 */
public record AuditVerification(boolean valid, long entries, Long brokenAt, String reason) {

    static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, null, null);
    }

    static AuditVerification broken(long verified, long brokenAt, String reason) {
        return new AuditVerification(false, verified, brokenAt, "Entry " + brokenAt + ": " + reason);
    }
}
