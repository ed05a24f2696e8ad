package fi.sd.web.client;

import java.time.Instant;

/** One entry of the hash-chained audit log. */
public record AuditEntry(long seq, Instant occurredAt, String workspaceId, String actor, String action, String detail,
        String previousHash, String entryHash) {
}
