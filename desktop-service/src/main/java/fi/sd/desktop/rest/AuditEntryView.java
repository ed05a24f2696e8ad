package fi.sd.desktop.rest;

import java.time.Instant;

import fi.sd.desktop.audit.AuditEntry;

public record AuditEntryView(long seq, Instant occurredAt, String workspaceId, String actor, String action, String detail,
        String previousHash, String entryHash) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.seq, entry.occurredAt, entry.workspaceId, entry.actor, entry.action, entry.detail,
                entry.previousHash, entry.entryHash);
    }
}
