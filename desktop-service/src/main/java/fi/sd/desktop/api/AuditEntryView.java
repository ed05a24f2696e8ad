package fi.sd.desktop.api;

import java.time.Instant;

/** One entry of the audit log, with the hashes that chain it to the entry before it in its chain. */
public record AuditEntryView(long seq, int chain, Instant occurredAt, String workspaceId, String actor, String action, String detail,
        String previousHash, String entryHash) {
}
