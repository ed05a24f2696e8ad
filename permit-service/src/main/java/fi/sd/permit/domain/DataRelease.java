package fi.sd.permit.domain;

import java.time.Instant;
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

import fi.sd.platform.domain.TransitionTable;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A delivery of one dataset's files into the project's secure environment, under a permit. It is
 * declared with its files (name, size, SHA-256), {@code UPLOADING} while their bytes come in, and
 * {@code RELEASED} once every one is stored and verified; the declaration never changes.
 */
@Entity
@Table(name = "permit_release")
public class DataRelease extends PanacheEntityBase {

    /** Files are stored while it is uploading; the last one completes it; a released release takes nothing more. */
    public static final TransitionTable<ReleaseStatus, ReleaseCommand> LIFECYCLE = TransitionTable
            .of(ReleaseStatus.class, ReleaseCommand.class)
            .allowInPlace(ReleaseCommand.STORE_FILE, ReleaseStatus.UPLOADING)
            .allow(ReleaseStatus.UPLOADING, ReleaseCommand.COMPLETE, ReleaseStatus.RELEASED)
            .build();

    @Id
    public String id;

    @Column(name = "permit_id", nullable = false)
    public String permitId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReleaseStatus status;

    /** Who declared it (the issuer's user), and when. */
    @Column(name = "released_by", nullable = false)
    public String releasedBy;

    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    /** When its last file was verified; null while it is uploading. */
    @Column(name = "released_at")
    public Instant releasedAt;

    @ElementCollection
    @CollectionTable(name = "permit_release_file", joinColumns = @JoinColumn(name = "release_id"))
    @OrderColumn(name = "position")
    public List<ReleaseFile> files = new ArrayList<>();

    public Optional<ReleaseFile> file(String name) {
        return files.stream().filter(f -> f.name.equals(name)).findFirst();
    }

    /** Records a verified file; the last one releases it. Returns whether this completed the release. */
    public boolean store(ReleaseFile file, String storageKey, long storedBytes, String by, Instant at) {
        status = LIFECYCLE.require(status, ReleaseCommand.STORE_FILE);
        file.stored(storageKey, storedBytes, by, at);
        if (files.stream().anyMatch(f -> f.state == ReleaseFileState.PENDING)) {
            return false;
        }
        status = LIFECYCLE.require(status, ReleaseCommand.COMPLETE);
        releasedAt = at;
        return true;
    }

    public static List<DataRelease> ofPermit(String permitId) {
        return list("permitId = ?1 order by declaredAt, id", permitId);
    }

    public static Optional<DataRelease> ofPermit(String permitId, String releaseId) {
        return find("permitId = ?1 and id = ?2", permitId, releaseId).firstResultOptional();
    }

    /** The bytes the permit's releases take or will take: every declared file that is stored or awaited. */
    public static long declaredBytes(String permitId) {
        Long sum = getEntityManager().createQuery("select coalesce(sum(f.sizeBytes), 0) from DataRelease r join r.files f"
                + " where r.permitId = :permit and f.state <> :described", Long.class)
                .setParameter("permit", permitId)
                .setParameter("described", ReleaseFileState.NO_CONTENT)
                .getSingleResult();
        return sum;
    }
}
