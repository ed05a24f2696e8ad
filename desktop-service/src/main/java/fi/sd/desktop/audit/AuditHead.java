package fi.sd.desktop.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The last entry of the chain. Each writer locks this one row, so entries get consecutive numbers
 * and each links to the one before; it also lets verification notice entries cut off the end.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {

    static final short ID = 1;

    @Id
    public short id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false)
    public String lastHash;
}
