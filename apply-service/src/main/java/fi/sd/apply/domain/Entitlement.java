package fi.sd.apply.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fi.sd.events.apply.AccessEndReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A user's right to one dataset, through one approved application, from {@code start} to {@code end}. */
@Entity
@Table(name = "entitlement")
public class Entitlement extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "application_id", nullable = false)
    public String applicationId;

    @Column(name = "permit_id", nullable = false)
    public String permitId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "start_at", nullable = false)
    public Instant start;

    /** When it ends by itself; null: when the application or the permit ends. */
    @Column(name = "end_at")
    public Instant end;

    /** When it actually ended; null while active. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public AccessEndReason endReason;

    public boolean isActive() {
        return endedAt == null;
    }
}
