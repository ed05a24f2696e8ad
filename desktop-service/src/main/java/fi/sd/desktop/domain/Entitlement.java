package fi.sd.desktop.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member's entitlement to one dataset of a register permit (from apply-service). Kept by permit,
 * so it may arrive before the workspace or the release; the latest fact by time wins.
 */
@Entity
@Table(name = "entitlement")
@IdClass(Entitlement.Key.class)
public class Entitlement extends PanacheEntityBase {

    @Id
    @Column(name = "permit_id")
    public String permitId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "dataset_id")
    public String datasetId;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static Optional<Entitlement> of(String permitId, String userId, String datasetId) {
        return find("permitId = ?1 and userId = ?2 and datasetId = ?3", permitId, userId, datasetId).firstResultOptional();
    }

    /** The datasets {@code userId} currently holds an entitlement for under the permit. */
    public static Set<String> activeDatasets(String permitId, String userId) {
        return Entitlement.<Entitlement>list("permitId = ?1 and userId = ?2 and active = true", permitId, userId).stream()
                .map(e -> e.datasetId).collect(Collectors.toSet());
    }

    /** The composite key, as JPA wants it: a mutable class with the id fields' names. */
    public static class Key implements Serializable {

        public String permitId;
        public String userId;
        public String datasetId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(permitId, key.permitId) && Objects.equals(userId, key.userId)
                    && Objects.equals(datasetId, key.datasetId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(permitId, userId, datasetId);
        }
    }
}
