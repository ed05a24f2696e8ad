package fi.sd.apply.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A revocation bars the application's members from its datasets: no entitlement until a handler lifts it. */
@Entity
@Table(name = "blocklist_entry")
public class BlocklistEntry extends PanacheEntityBase {

    @EmbeddedId
    public BlocklistKey key;

    @Column(name = "application_id", nullable = false)
    public String applicationId;

    public String comment;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    public static boolean blocks(String userId, String datasetId) {
        return findByIdOptional(new BlocklistKey(userId, datasetId)).isPresent();
    }
}
