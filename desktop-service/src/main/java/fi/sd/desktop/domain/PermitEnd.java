package fi.sd.desktop.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fi.sd.events.desktop.LockReason;

/** The end of a permit whose workspace did not exist yet (the end overtook the grant): the workspace opens locked. */
@Entity
@Table(name = "permit_end")
public class PermitEnd extends PanacheEntityBase {

    @Id
    @Column(name = "permit_id")
    public String permitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LockReason reason;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;
}
