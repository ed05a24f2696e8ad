package fi.sd.desktop.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The last entry of one chain ({@code id}). A committing writer locks one head, one that no other holds, so
 * that each entry links to the one before it in its chain; it also lets verification notice entries cut off
 * the end of a chain.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {

    @Id
    public short id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false)
    public String lastHash;
}
