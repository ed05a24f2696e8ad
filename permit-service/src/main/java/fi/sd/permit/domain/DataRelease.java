package fi.sd.permit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A delivery of one dataset's files into the project's secure environment, under a permit. Never changed. */
@Entity
@Immutable
@Table(name = "permit_release")
public class DataRelease extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "permit_id", nullable = false)
    public String permitId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(name = "released_by", nullable = false)
    public String releasedBy;

    @Column(name = "released_at", nullable = false)
    public Instant releasedAt;

    @ElementCollection
    @CollectionTable(name = "permit_release_file", joinColumns = @JoinColumn(name = "release_id"))
    @OrderColumn(name = "position")
    public List<ReleaseFile> files = new ArrayList<>();

    public static List<DataRelease> ofPermit(String permitId) {
        return list("permitId = ?1 order by releasedAt, id", permitId);
    }

    public static Optional<DataRelease> ofPermit(String permitId, String releaseId) {
        return find("permitId = ?1 and id = ?2", permitId, releaseId).firstResultOptional();
    }
}
