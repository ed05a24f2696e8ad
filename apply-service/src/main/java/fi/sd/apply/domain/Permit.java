package fi.sd.apply.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import fi.sd.events.PermitRoute;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A permit as permit-service announced it (PermitGranted, PermitAmended, PermitRevoked,
 * PermitExpired): what an application needs from it to be created, submitted and kept open.
 */
@Entity
@Table(name = "permit")
public class Permit extends PanacheEntityBase {

    @Id
    public String id;

    /** The permit version this row reflects; an older amendment arriving late is ignored. */
    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PermitRoute route;

    @Column(nullable = false)
    public String issuer;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PermitStatus status;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "permit_dataset", joinColumns = @JoinColumn(name = "permit_id"))
    public List<PermitDataset> datasets = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "permit_person", joinColumns = @JoinColumn(name = "permit_id"))
    @Column(name = "user_id")
    public Set<String> persons = new HashSet<>();

    public boolean names(String userId) {
        return persons.contains(userId);
    }

    public boolean covers(String datasetId) {
        return datasets.stream().anyMatch(d -> d.datasetId.equals(datasetId));
    }

    /** An active register-route permit: the only kind an application in this service may rest on. */
    public boolean isActiveRegisterPermit() {
        return status == PermitStatus.ACTIVE && route == PermitRoute.REGISTER;
    }
}
