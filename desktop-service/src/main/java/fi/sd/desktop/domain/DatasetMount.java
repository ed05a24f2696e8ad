package fi.sd.desktop.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fi.sd.platform.domain.TransitionTable;

/**
 * A released dataset, mounted read-only into the permit's workspace. Kept by permit rather than
 * by workspace, so that a release that overtakes the grant is not lost: it appears in the
 * workspace as soon as the workspace exists.
 */
@Entity
@Table(name = "dataset_mount")
public class DatasetMount extends PanacheEntityBase {

    /** The delivery of the release's files: retried while it may still succeed, then delivered or failed for good. */
    public static final TransitionTable<ReleaseDelivery, ReleaseDeliveryCommand> DELIVERY = TransitionTable
            .of(ReleaseDelivery.class, ReleaseDeliveryCommand.class)
            .allow(ReleaseDelivery.PENDING, ReleaseDeliveryCommand.COMPLETE, ReleaseDelivery.DELIVERED)
            .allowInPlace(ReleaseDeliveryCommand.RETRY, ReleaseDelivery.PENDING)
            .allow(ReleaseDelivery.PENDING, ReleaseDeliveryCommand.FAIL, ReleaseDelivery.FAILED)
            .build();

    /** The release id: one mount per release, however often it is delivered. */
    @Id
    @Column(name = "release_id")
    public String releaseId;

    @Column(name = "permit_id", nullable = false)
    public String permitId;

    @Column(name = "dataset_id", nullable = false)
    public String datasetId;

    @Column(name = "mount_path", nullable = false)
    public String mountPath;

    @Column(name = "mounted_at", nullable = false)
    public Instant mountedAt;

    /** The files the release declares: the desktops show them in the release's folder. */
    @ElementCollection
    @CollectionTable(name = "dataset_mount_file", joinColumns = @JoinColumn(name = "release_id"))
    @OrderColumn(name = "position")
    public List<DeclaredFile> files = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReleaseDelivery delivery = ReleaseDelivery.NOT_STORED;

    @Column(name = "delivery_attempts", nullable = false)
    public int deliveryAttempts;

    /** Real time from which a pending delivery may be claimed: a runner's lease, or a back-off. */
    @Column(name = "delivery_not_before")
    public Instant deliveryNotBefore;

    @Column(name = "delivery_error", length = 4000)
    public String deliveryError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public static List<DatasetMount> ofPermit(String permitId) {
        return list("permitId = ?1 order by mountedAt, releaseId", permitId);
    }

    /** Moves the delivery along {@link #DELIVERY}; refused when the command is not allowed in its state. */
    public void apply(ReleaseDeliveryCommand command) {
        delivery = DELIVERY.require(delivery, command);
    }

    /** Released data is never writable inside the workspace: results leave only through a reviewed export. */
    public boolean readOnly() {
        return true;
    }
}
