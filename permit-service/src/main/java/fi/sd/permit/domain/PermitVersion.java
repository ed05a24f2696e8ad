package fi.sd.permit.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One version of a permit as it was recorded: who made it, when, why, and the permit in full.
 * Written once and never changed (EHDS: every version of a permit is kept).
 */
@Entity
@Immutable
@Table(name = "permit_version")
@IdClass(PermitVersion.Key.class)
public class PermitVersion extends PanacheEntityBase {

    @Id
    @Column(name = "permit_id")
    public String permitId;

    @Id
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VersionKind kind;

    /** The permit's status once this version was made. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PermitStatus status;

    @Column(nullable = false)
    public String actor;

    public String reason;

    /** Comma-separated {@link AmendedField} names; null unless an amendment. */
    public String changes;

    /** The permit as this version states it: {@code PermitSnapshot} JSON, as in the events. */
    @Column(nullable = false)
    public String snapshot;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<PermitVersion> of(String permitId) {
        return list("permitId = ?1 order by version", permitId);
    }

    public static Optional<PermitVersion> of(String permitId, int version) {
        return find("permitId = ?1 and version = ?2", permitId, version).firstResultOptional();
    }

    public List<String> changeNames() {
        return changes == null ? List.of() : new ArrayList<>(List.of(changes.split(",")));
    }

    /** The composite key: a permit and its version number. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public String permitId;
        public int version;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.version == version && Objects.equals(key.permitId, permitId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(permitId, version);
        }
    }
}
