package fi.sd.desktop.mapping;

import fi.sd.desktop.api.AuditEntryView;
import fi.sd.desktop.audit.AuditEntry;

/** From audit entries to their API view. */
public final class AuditMapper {

    private AuditMapper() {
    }

    public static AuditEntryView toView(AuditEntry entry) {
        return new AuditEntryView(entry.seq, entry.chain, entry.occurredAt, entry.workspaceId, entry.actor, entry.action, entry.detail,
                entry.previousHash, entry.entryHash);
    }
}
