package fi.sd.desktop.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fi.sd.platform.domain.TransitionTable;
import fi.sd.platform.security.Caller;

/** A virtual desktop in a workspace, run by the cloud provider as one server with one volume. */
@Entity
@Table(name = "desktop")
public class Desktop extends PanacheEntityBase {

    /**
     * The desktop's lifecycle. CREATING, REBOOTING and DELETING end with the cloud's answer;
     * a lock stops what runs, and only a resume (in a ready workspace) starts it again.
     */
    public static final TransitionTable<DesktopStatus, DesktopCommand> LIFECYCLE = purgeable(TransitionTable
            .of(DesktopStatus.class, DesktopCommand.class)
            .allow(DesktopStatus.CREATING, DesktopCommand.PROVISIONED, DesktopStatus.RUNNING)
            .allow(DesktopStatus.CREATING, DesktopCommand.FAIL, DesktopStatus.FAILED)
            .allow(DesktopStatus.RUNNING, DesktopCommand.PAUSE, DesktopStatus.PAUSED)
            .allow(DesktopStatus.RUNNING, DesktopCommand.REBOOT, DesktopStatus.REBOOTING)
            .allow(DesktopStatus.RUNNING, DesktopCommand.STOP, DesktopStatus.STOPPED)
            .allow(DesktopStatus.RUNNING, DesktopCommand.DELETE, DesktopStatus.DELETING)
            .allow(DesktopStatus.PAUSED, DesktopCommand.RESUME, DesktopStatus.RUNNING)
            .allow(DesktopStatus.PAUSED, DesktopCommand.STOP, DesktopStatus.STOPPED)
            .allow(DesktopStatus.PAUSED, DesktopCommand.DELETE, DesktopStatus.DELETING)
            .allow(DesktopStatus.REBOOTING, DesktopCommand.REBOOTED, DesktopStatus.RUNNING)
            .allow(DesktopStatus.REBOOTING, DesktopCommand.FAIL, DesktopStatus.FAILED)
            .allow(DesktopStatus.REBOOTING, DesktopCommand.STOP, DesktopStatus.STOPPED)
            .allow(DesktopStatus.STOPPED, DesktopCommand.RESUME, DesktopStatus.RUNNING)
            .allow(DesktopStatus.STOPPED, DesktopCommand.DELETE, DesktopStatus.DELETING)
            .allow(DesktopStatus.FAILED, DesktopCommand.DELETE, DesktopStatus.DELETING)
            .allow(DesktopStatus.DELETING, DesktopCommand.DELETED, DesktopStatus.DELETED)
            .allow(DesktopStatus.DELETING, DesktopCommand.FAIL, DesktopStatus.FAILED))
            .build();

    /** The states in which the desktop waits for the cloud, which the status poll follows. */
    public static final List<DesktopStatus> IN_TRANSITION = List.of(DesktopStatus.CREATING, DesktopStatus.REBOOTING,
            DesktopStatus.DELETING);

    /** The states in which the desktop's server should stay as it is, which the status poll checks now and then. */
    public static final List<DesktopStatus> STEADY = List.of(DesktopStatus.RUNNING, DesktopStatus.PAUSED, DesktopStatus.STOPPED);

    @Id
    public String id;

    @Column(name = "workspace_id", nullable = false)
    public String workspaceId;

    @Column(name = "permit_id", nullable = false)
    public String permitId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String flavour;

    @Column(nullable = false)
    public int cores;

    @Column(name = "memory_gb", nullable = false)
    public int memoryGb;

    @Column(nullable = false)
    public String image;

    @Column(name = "volume_gb", nullable = false)
    public int volumeGb;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DesktopStatus status;

    /** The cloud's server id; null until the cloud accepted the build. */
    @Column(name = "server_id")
    public String serverId;

    @Column(name = "volume_id")
    public String volumeId;

    /** Why the cloud failed it, when FAILED. */
    @Column(name = "error")
    public String error;

    /** Who asked for the deletion, and why; published with DesktopDeleted once the cloud confirms it. */
    @Column(name = "deleted_by")
    public String deletedBy;

    @Column(name = "delete_reason")
    public String deleteReason;

    /** When the status poll last asked the cloud about it: the poll takes the longest-unchecked first. */
    @Column(name = "checked_at")
    public Instant checkedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Moves the desktop along {@link #LIFECYCLE}; a 409 problem when the command is not allowed in its status. */
    public void apply(DesktopCommand command, Instant now) {
        status = LIFECYCLE.require(status, command);
        updatedAt = now;
    }

    public Workspace workspace() {
        return Workspace.findById(workspaceId);
    }

    /** The desktop, if the caller may see its workspace. */
    public static Optional<Desktop> findVisible(String id, Caller caller) {
        return Desktop.<Desktop>findByIdOptional(id).filter(d -> d.workspace().visibleTo(caller));
    }

    public static List<Desktop> ofWorkspace(String workspaceId) {
        return list("workspaceId = ?1 order by createdAt, id", workspaceId);
    }

    public static long countNotDeleted(String workspaceId) {
        return count("workspaceId = ?1 and status <> ?2", workspaceId, DesktopStatus.DELETED);
    }

    private static TransitionTable.Builder<DesktopStatus, DesktopCommand> purgeable(
            TransitionTable.Builder<DesktopStatus, DesktopCommand> table) {
        EnumSet.complementOf(EnumSet.of(DesktopStatus.DELETED)).forEach(s -> table.allow(s, DesktopCommand.PURGE, DesktopStatus.DELETED));
        return table;
    }
}
