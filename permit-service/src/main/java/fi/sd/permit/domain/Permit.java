package fi.sd.permit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fi.sd.events.PermitRoute;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A data permit: who may process which datasets, for what, until when. */
@Entity
@Table(name = "permit")
public class Permit extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "journal_number", nullable = false, unique = true)
    public String journalNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PermitRoute route;

    /** The organisation that recorded the permit: Findata, or the register controller. */
    @Column(nullable = false)
    public String issuer;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "holder_organisation", nullable = false)
    public String holderOrganisation;

    @Column(name = "principal_investigator", nullable = false)
    public String principalInvestigator;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String purpose;

    @ElementCollection
    @CollectionTable(name = "permit_dataset", joinColumns = @JoinColumn(name = "permit_id"))
    @OrderColumn(name = "position")
    public List<PermitDataset> datasets = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "permit_person", joinColumns = @JoinColumn(name = "permit_id"))
    @OrderColumn(name = "position")
    public List<PermitPerson> persons = new ArrayList<>();

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    /** Inclusive, Europe/Helsinki. */
    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    public String conditions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PermitStatus status;

    /** The permit's version number: 1 when recorded, one more with every amendment or revocation. */
    @Column(nullable = false)
    public int version;

    /** Optimistic lock: two concurrent changes to one permit cannot both commit. */
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Permit> findByJournalNumber(String journalNumber) {
        return find("journalNumber", journalNumber).firstResultOptional();
    }

    public boolean names(String userId) {
        return persons.stream().anyMatch(p -> p.userId.equals(userId));
    }
}
