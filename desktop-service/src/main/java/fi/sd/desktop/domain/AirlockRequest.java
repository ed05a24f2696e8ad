package fi.sd.desktop.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What imports and exports share: the workspace and permit they belong to, who asked and when. */
@MappedSuperclass
public abstract class AirlockRequest extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "permit_id", nullable = false)
    public String permitId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** Of two decisions at the same moment, the second fails with 409 instead of overwriting the first. */
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new request of the workspace by {@code requester}, at {@code now}. */
    public void open(String newId, Workspace workspace, String requester, Instant now) {
        id = newId;
        workspaceId = workspace.id;
        permitId = workspace.permitId;
        requestedBy = requester;
        requestedAt = now;
        updatedAt = now;
    }
}
