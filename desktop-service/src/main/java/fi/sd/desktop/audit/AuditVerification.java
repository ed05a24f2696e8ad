package fi.sd.desktop.audit;

import java.util.Set;
import java.util.TreeSet;

/**
 * The result of walking the chain: {@code entries} is how many were verified in order; when the
 * chain is broken, {@code brokenAt} is the first entry that fails and {@code reason} says how.
 */
public record AuditVerification(boolean valid, long entries, Long brokenAt, String reason) {

    static AuditVerification intact(long entries) {
        return new AuditVerification(true, entries, null, null);
    }

    /** The chains' heads are not exactly those of chains 0 to {@code chains - 1}: no entry to name. */
    static AuditVerification chainsMissing(Set<Short> heads, int chains) {
        return new AuditVerification(false, 0, null, "The log has heads for chains " + new TreeSet<>(heads) + ", not for each of "
                + "chains 0 to " + (chains - 1) + ": a chain was removed or added");
    }

    static AuditVerification broken(long verified, long brokenAt, String reason) {
        return new AuditVerification(false, verified, brokenAt, "Entry " + brokenAt + ": " + reason);
    }
}
