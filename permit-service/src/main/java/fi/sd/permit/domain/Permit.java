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
import fi.sd.platform.domain.TransitionTable;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A data permit: who may process which datasets, for what, until when. */
@Entity
@Table(name = "permit")
public class Permit extends PanacheEntityBase {

    /**
     * The permit's whole lifecycle: amendments and releases only while active; expiry and
     * revocation end it for good. Anything else is refused with 409.
     */
    public static final TransitionTable<PermitStatus, PermitCommand> LIFECYCLE = TransitionTable
            .of(PermitStatus.class, PermitCommand.class)
            .allowInPlace(PermitCommand.AMEND, PermitStatus.ACTIVE)
            .allowInPlace(PermitCommand.RELEASE, PermitStatus.ACTIVE)
            .allowInPlace(PermitCommand.NOTIFY_EXPIRY, PermitStatus.ACTIVE)
            .allow(PermitStatus.ACTIVE, PermitCommand.EXPIRE, PermitStatus.EXPIRED)
            .allow(PermitStatus.ACTIVE, PermitCommand.REVOKE, PermitStatus.REVOKED)
            .build();

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

    /** The validity end that {@code PermitExpiringSoon} was sent for; differs from validUntil once an amendment moved it. */
    @Column(name = "expiry_notice_for")
    public LocalDate expiryNoticeFor;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Permit> findByJournalNumber(String journalNumber) {
        return find("journalNumber", journalNumber).firstResultOptional();
    }

    /** Moves the permit along {@link #LIFECYCLE}; a 409 problem when its status does not allow the command. */
    public void apply(PermitCommand command) {
        status = LIFECYCLE.require(status, command);
    }

    public Optional<PermitDataset> dataset(String datasetId) {
        return datasets.stream().filter(d -> d.datasetId.equals(datasetId)).findFirst();
    }

    public boolean names(String userId) {
        return persons.stream().anyMatch(p -> p.userId.equals(userId));
    }
}
