package fi.sd.desktop.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What imports and exports share: the workspace and permit they belong to, who asked and when, and
 * the steps every request takes through its own table of rules ({@code C}: its commands).
 */
@MappedSuperclass
public abstract class AirlockRequest<C extends Enum<C> & AirlockCommand> extends PanacheEntityBase {

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

    /** Moves the request along its lifecycle and keeps the decision that did it in its history. */
    public void apply(C command, AirlockDecision decision) {
        move(command);
        decisions().add(decision);
        updatedAt = decision.decidedAt;
    }

    /** Which way through the airlock the request goes. */
    public abstract AirlockKind airlockKind();

    /**
     * Refuses the command unless one of {@code roles} may issue it now, by the kind's rules: 403 when
     * none of them ever may, 409 when the request's state forbids it.
     */
    public abstract void authorize(Set<AirlockRole> roles, C command);

    /** Every step taken on the request, in order. */
    public abstract List<AirlockDecision> decisions();

    /** The state the command leads to becomes the request's: 409 when its lifecycle does not allow the command. */
    protected abstract void move(C command);

    /** The object store paths (below the permit) of the request's stored files. */
    public abstract List<String> storedObjects();

    /** True once the request ended without its files going anywhere (rejected, cancelled, failed): their bytes are deleted. */
    public abstract boolean discarded();
}
