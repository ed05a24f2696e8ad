package fi.sd.permit.domain;

import java.time.Instant;
import java.util.HashSet;
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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An access application of apply-service, as far as releases on the register route care: it was
 * approved for some datasets of a permit, or it ended. Fed by apply-service's events.
 */
@Entity
@Table(name = "access_application")
public class AccessApplication extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public String applicationId;

    @Column(name = "permit_id", nullable = false)
    public String permitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccessApplicationState state;

    @ElementCollection
    @CollectionTable(name = "access_application_dataset", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "dataset_id", nullable = false)
    public Set<String> datasetIds = new HashSet<>();

    /** When the approval stops covering its datasets; null while the permit lasts. */
    @Column(name = "entitlement_end")
    public Instant entitlementEnd;

    /** When apply-service made the change this row records. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Whether an approved, unended application covers the dataset of the permit at {@code now}. */
    public static boolean covers(String permitId, String datasetId, Instant now) {
        return count("select count(a) from AccessApplication a join a.datasetIds d where a.permitId = ?1 and d = ?2"
                + " and a.state = ?3 and (a.entitlementEnd is null or a.entitlementEnd > ?4)",
                permitId, datasetId, AccessApplicationState.APPROVED, now) > 0;
    }
}
