package fi.sd.desktop.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of the audit log. Never changed once written: its hash covers every field and the previous entry's hash. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    /** The order over all chains: rises along each chain, with gaps where other chains' entries are. */
    @Id
    public long seq;

    /** The chain the entry is linked into; {@code previousHash} is that of the entry before it there. */
    @Column(nullable = false, updatable = false)
    public short chain;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    /** Empty for what concerns no single workspace. */
    @Column(name = "workspace_id", updatable = false)
    public String workspaceId;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(nullable = false, updatable = false)
    public String detail;

    @Column(name = "previous_hash", nullable = false, updatable = false)
    public String previousHash;

    @Column(name = "entry_hash", nullable = false, updatable = false)
    public String entryHash;
}
