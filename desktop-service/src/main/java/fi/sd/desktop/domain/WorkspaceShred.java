package fi.sd.desktop.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a purge leaves to do outside the database, recorded in its transaction: destroy the permit's keys and
 * delete its objects (crypto-shredding), and remove the decrypted copies of its releases and its import and
 * export folders from the desktops' hosts. Pending until {@code doneAt}; carried out after the commit.
 */
@Entity
@Table(name = "workspace_shred")
public class WorkspaceShred extends PanacheEntityBase {

    @Id
    @Column(name = "workspace_id")
    public String workspaceId;

    @Column(name = "permit_id", nullable = false)
    public String permitId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "workspace_shred_release", joinColumns = @JoinColumn(name = "workspace_id"))
    @Column(name = "release_id")
    public Set<String> releaseIds = new HashSet<>();

    /** Once done: the permit's workspace keys that were destroyed. */
    @ElementCollection
    @CollectionTable(name = "workspace_shred_key", joinColumns = @JoinColumn(name = "workspace_id"))
    @Column(name = "key_id")
    public Set<String> destroyedKeyIds = new HashSet<>();

    /** Once done: every object that was deleted. */
    @ElementCollection
    @CollectionTable(name = "workspace_shred_object", joinColumns = @JoinColumn(name = "workspace_id"))
    @OrderColumn(name = "position")
    public List<ShreddedObject> deletedObjects = new ArrayList<>();

    @Column(nullable = false)
    public int attempts;

    /** Real time from which a pending shred may be claimed: a runner's lease, or a back-off. */
    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(length = 4000)
    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "done_at")
    public Instant doneAt;
}
