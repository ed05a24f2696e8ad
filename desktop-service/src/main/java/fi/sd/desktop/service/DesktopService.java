package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.api.DesktopRequest;
import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.domain.DesktopCommand;
import fi.sd.desktop.domain.DesktopStatus;
import fi.sd.desktop.domain.ProviderAction;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceLockdown;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.desktop.provider.DesktopProvider;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ProviderException;
import fi.sd.events.desktop.DeletedResource;
import fi.sd.events.desktop.DesktopDeleted;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/**
 * Members' desktops: requests are recorded here, each with the provider command that asks the cloud
 * for it once the transaction commits ({@link ProviderCommands}); what the cloud does asynchronously
 * is followed by {@link DesktopStatusService}.
 */
@ApplicationScoped
public class DesktopService {

    private static final Logger LOG = Logger.getLogger(DesktopService.class);

    private final Clock clock;
    private final EntityManager em;
    private final Outbox outbox;
    private final DesktopConfig config;
    private final ProviderCommands commands;
    private final SessionService sessions;
    private final AuditLog auditLog;

    @Inject
    public DesktopService(Clock clock, EntityManager em, Outbox outbox, DesktopConfig config, ProviderCommands commands,
            SessionService sessions, AuditLog auditLog) {
        this.clock = clock;
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.commands = commands;
        this.sessions = sessions;
        this.auditLog = auditLog;
    }

    /** Records a desktop to build (CREATING), and the command that asks the cloud for it. */
    @Transactional
    public Desktop create(String workspaceId, DesktopRequest request, Caller caller) {
        Workspace workspace = Workspace.<Workspace>findByIdOptional(workspaceId).filter(w -> w.visibleTo(caller))
                .orElseThrow(() -> ProblemException.notFound("Workspace", workspaceId));
        requireOperator(workspace, caller);
        DesktopConfig.Flavour flavour = validFlavour(request);
        Desktop desktop = new Desktop();
        desktop.id = UUID.randomUUID().toString();
        desktop.name = request.name();
        desktop.flavour = request.flavour();
        desktop.image = request.image();
        desktop.volumeGb = request.volumeGb();
        // A refusal below rolls the entry back with the rest.
        auditLog.record(workspaceId, caller.subject(), "desktop.created", describe(desktop));
        // Serialises creations in one workspace, so that its desktop limit holds across replicas.
        em.lock(workspace, LockModeType.PESSIMISTIC_WRITE);
        if (workspace.status != WorkspaceStatus.READY) {
            throw ProblemException.conflict("The workspace is " + workspace.status + ": no desktops can be created");
        }
        int max = config.desktops().maxPerWorkspace();
        if (Desktop.countNotDeleted(workspaceId) >= max) {
            throw ProblemException.conflict("The workspace already has " + max + " desktops: delete one first");
        }
        Instant now = clock.instant();
        desktop.workspaceId = workspaceId;
        desktop.permitId = workspace.permitId;
        desktop.cores = flavour.cores();
        desktop.memoryGb = flavour.memoryGb();
        desktop.status = DesktopStatus.CREATING;
        desktop.createdBy = caller.subject();
        desktop.createdAt = now;
        desktop.updatedAt = now;
        desktop.persist();
        commands.record(desktop, ProviderAction.CREATE);
        LOG.infof("Desktop %s (%s, %s) requested by %s in workspace %s", desktop.id, desktop.flavour, desktop.image,
                desktop.createdBy, workspaceId);
        return desktop;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Desktop> find(String id, Caller caller) {
        return Desktop.findVisible(id, caller);
    }

    /** The workspace's desktops, oldest first, deleted ones included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Desktop> ofWorkspace(String workspaceId, Caller caller) {
        Workspace.<Workspace>findByIdOptional(workspaceId).filter(w -> w.visibleTo(caller))
                .orElseThrow(() -> ProblemException.notFound("Workspace", workspaceId));
        return Desktop.ofWorkspace(workspaceId);
    }

    @Transactional
    public Desktop pause(String id, Caller caller) {
        Desktop desktop = operable(id, caller);
        desktop.apply(DesktopCommand.PAUSE, clock.instant());
        commands.record(desktop, ProviderAction.PAUSE);
        auditLog.record(desktop.workspaceId, caller.subject(), "desktop.paused", describe(desktop));
        sessions.endAllOn(desktop, caller.subject(), "desktop paused");
        return desktop;
    }

    /** Resumes a paused desktop, or one stopped by a lock once its workspace is unlocked. */
    @Transactional
    public Desktop resume(String id, Caller caller) {
        Desktop desktop = operable(id, caller);
        requireReady(desktop);
        DesktopStatus from = desktop.status;
        desktop.apply(DesktopCommand.RESUME, clock.instant());
        commands.record(desktop, ProviderAction.RESUME);
        auditLog.record(desktop.workspaceId, caller.subject(), "desktop.resumed", describe(desktop) + ", was " + from);
        return desktop;
    }

    @Transactional
    public Desktop reboot(String id, Caller caller) {
        Desktop desktop = operable(id, caller);
        requireReady(desktop);
        desktop.apply(DesktopCommand.REBOOT, clock.instant());
        commands.record(desktop, ProviderAction.REBOOT);
        auditLog.record(desktop.workspaceId, caller.subject(), "desktop.rebooted", describe(desktop));
        sessions.endAllOn(desktop, caller.subject(), "desktop rebooted");
        return desktop;
    }

    /** Deletes the desktop and its volume; DesktopDeleted follows when the cloud confirms. */
    @Transactional
    public Desktop delete(String id, Caller caller) {
        Desktop desktop = operable(id, caller);
        desktop.apply(DesktopCommand.DELETE, clock.instant());
        desktop.deletedBy = caller.subject();
        desktop.deleteReason = "deleted by a member";
        commands.record(desktop, ProviderAction.DELETE);
        auditLog.record(desktop.workspaceId, caller.subject(), "desktop.deletion.requested", describe(desktop));
        sessions.endAllOn(desktop, caller.subject(), "desktop deleted");
        return desktop;
    }

    void onLockdown(@Observes WorkspaceLockdown lockdown) {
        stopAllIn(lockdown.workspace());
    }

    /**
     * Stops every desktop of a workspace being locked, in the lock's transaction: nothing runs
     * in a locked workspace. A desktop still being built is stopped when the cloud reports it active.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Desktop> stopAllIn(Workspace workspace) {
        Instant now = clock.instant();
        List<Desktop> stopped = Desktop.ofWorkspace(workspace.id).stream()
                .filter(d -> Desktop.LIFECYCLE.allows(d.status, DesktopCommand.STOP)).toList();
        for (Desktop desktop : stopped) {
            desktop.apply(DesktopCommand.STOP, now);
            auditLog.record(workspace.id, Caller.SYSTEM, "desktop.stopped", describe(desktop) + ": workspace locked");
            // The lock does not wait on the cloud: its sessions are ended and none can be opened, so nobody reaches the server.
            commands.record(desktop, ProviderAction.STOP);
            LOG.infof("Desktop %s stopped: workspace %s locked", desktop.id, workspace.id);
        }
        return stopped;
    }

    /** Deletes every desktop and volume of a workspace being purged; returns what was deleted, for WorkspacePurged. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeletedResource> purgeAllIn(Workspace workspace) {
        Instant now = clock.instant();
        List<DeletedResource> deleted = new ArrayList<>();
        for (Desktop desktop : Desktop.ofWorkspace(workspace.id)) {
            if (!Desktop.LIFECYCLE.allows(desktop.status, DesktopCommand.PURGE)) {
                continue;
            }
            desktop.apply(DesktopCommand.PURGE, now);
            desktop.deletedBy = Caller.SYSTEM;
            desktop.deleteReason = "workspace purged";
            commands.record(desktop, ProviderAction.DELETE);
            deleted.add(new DeletedResource("DESKTOP", desktop.id, desktop.name, now));
            if (desktop.volumeId != null) {
                deleted.add(new DeletedResource("VOLUME", desktop.volumeId, desktop.name + " (" + desktop.volumeGb + " GB)", now));
            }
            publishDeleted(desktop, now);
        }
        return deleted;
    }

    /** Records and announces a desktop the cloud has deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishDeleted(Desktop desktop, Instant now) {
        auditLog.record(desktop.workspaceId, Caller.SYSTEM, "desktop.deleted", describe(desktop) + " and its volume: "
                + desktop.deleteReason + ", asked by " + desktop.deletedBy);
        outbox.publish(desktop.workspaceId, new DesktopDeleted(desktop.id, desktop.workspaceId, desktop.permitId,
                desktop.deleteReason, desktop.deletedBy, now));
        LOG.infof("Desktop %s deleted (%s, by %s)", desktop.id, desktop.deleteReason, desktop.deletedBy);
    }

    /** The desktop, if the caller sees it (404 otherwise) and may operate it: a member or an admin (403 otherwise). */
    private Desktop operable(String id, Caller caller) {
        Desktop desktop = Desktop.findVisible(id, caller).orElseThrow(() -> ProblemException.notFound("Desktop", id));
        requireOperator(desktop.workspace(), caller);
        return desktop;
    }

    /** The desktop as the audit log names it. */
    static String describe(Desktop desktop) {
        return "desktop " + desktop.id + " '" + desktop.name + "' (" + desktop.flavour + ", " + desktop.image + ", "
                + desktop.volumeGb + " GB)";
    }

    private static void requireOperator(Workspace workspace, Caller caller) {
        if (!workspace.members.contains(caller.subject()) && !caller.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only the workspace's members and admins may create or operate its desktops");
        }
    }

    private static void requireReady(Desktop desktop) {
        Workspace workspace = desktop.workspace();
        if (workspace.status != WorkspaceStatus.READY) {
            throw ProblemException.conflict("The workspace is " + workspace.status + ": its desktops cannot be started");
        }
    }

    private DesktopConfig.Flavour validFlavour(DesktopRequest request) {
        List<FieldError> errors = new ArrayList<>();
        DesktopConfig.Flavour flavour = config.flavours().get(request.flavour());
        if (flavour == null) {
            errors.add(new FieldError("flavour", "must be one of " + config.flavours().keySet().stream().sorted().toList()));
        }
        if (!config.desktops().images().contains(request.image())) {
            errors.add(new FieldError("image", "must be one of " + config.desktops().images()));
        }
        if (request.volumeGb() > config.desktops().maxVolumeGb()) {
            errors.add(new FieldError("volumeGb", "must be at most " + config.desktops().maxVolumeGb()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The desktop cannot be made as asked", errors);
        }
        return flavour;
    }
}
