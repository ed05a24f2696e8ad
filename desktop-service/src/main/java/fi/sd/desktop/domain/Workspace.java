package fi.sd.desktop.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
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
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fi.sd.events.PermitRoute;
import fi.sd.platform.domain.TransitionTable;
import fi.sd.platform.security.Caller;

/** The secure environment of one permit's project: its members work here, and only here, on its data. */
@Entity
@Table(name = "workspace")
public class Workspace extends PanacheEntityBase {

    /**
     * The workspace's whole lifecycle: it works only while READY; a lock stops everything and is
     * undone only by an amendment before the purge; a purged workspace is gone for good.
     */
    public static final TransitionTable<WorkspaceStatus, WorkspaceCommand> LIFECYCLE = TransitionTable
            .of(WorkspaceStatus.class, WorkspaceCommand.class)
            .allow(WorkspaceStatus.PROVISIONING, WorkspaceCommand.COMPLETE_PROVISIONING, WorkspaceStatus.READY)
            .allowInPlace(WorkspaceCommand.AMEND, WorkspaceStatus.PROVISIONING, WorkspaceStatus.READY, WorkspaceStatus.LOCKED)
            .allow(WorkspaceStatus.PROVISIONING, WorkspaceCommand.LOCK, WorkspaceStatus.LOCKED)
            .allow(WorkspaceStatus.READY, WorkspaceCommand.LOCK, WorkspaceStatus.LOCKED)
            .allow(WorkspaceStatus.LOCKED, WorkspaceCommand.UNLOCK, WorkspaceStatus.READY)
            .allow(WorkspaceStatus.LOCKED, WorkspaceCommand.PURGE, WorkspaceStatus.PURGED)
            .build();

    @Id
    public String id;

    @Column(name = "permit_id", nullable = false, unique = true)
    public String permitId;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkspaceStatus status;

    /** On a register permit a member sees a dataset only while holding an entitlement for it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PermitRoute route;

    /** The permit's persons. */
    @ElementCollection
    @CollectionTable(name = "workspace_member", joinColumns = @JoinColumn(name = "workspace_id"))
    @Column(name = "user_id")
    public Set<String> members = new LinkedHashSet<>();

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column(name = "locked_at")
    public Instant lockedAt;

    /** When a locked workspace may be purged; null while it is not locked. */
    @Column(name = "purge_after")
    public Instant purgeAfter;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Moves the workspace along {@link #LIFECYCLE}; a 409 problem when the command is not allowed in its status. */
    public void apply(WorkspaceCommand command) {
        status = LIFECYCLE.require(status, command);
    }

    /** Members and the {@link Staff} see a workspace; nobody else learns it exists. */
    public boolean visibleTo(Caller caller) {
        return Staff.includes(caller) || members.contains(caller.subject());
    }

    public static Optional<Workspace> findByPermit(String permitId) {
        return find("permitId", permitId).firstResultOptional();
    }
}
