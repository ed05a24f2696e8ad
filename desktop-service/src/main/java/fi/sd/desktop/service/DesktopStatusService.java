package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.domain.DesktopCommand;
import fi.sd.desktop.domain.DesktopStatus;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.desktop.provider.DesktopProvider;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ProviderException;
import fi.sd.desktop.provider.ServerRef;
import fi.sd.desktop.provider.ServerSpec;
import fi.sd.desktop.provider.ServerState;
import fi.sd.desktop.provider.ServerStatus;
import fi.sd.desktop.repository.DesktopRepository;
import fi.sd.events.desktop.DesktopProvisioned;
import fi.sd.events.desktop.DesktopProvisioningFailed;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.security.Caller;

/**
 * Follows desktops waiting on the cloud, one batch per transaction claimed with
 * {@code FOR UPDATE SKIP LOCKED}: asks the cloud to build what is new and moves each desktop
 * along its lifecycle by the server state the cloud reports, announcing each outcome once.
 */
@ApplicationScoped
public class DesktopStatusService {

    private static final Logger LOG = Logger.getLogger(DesktopStatusService.class);
    private static final int MAX_ERROR = 4000;

    private final DesktopRepository repository;
    private final EntityManager em;
    private final DesktopProviders providers;
    private final DesktopService desktops;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;

    @Inject
    public DesktopStatusService(DesktopRepository repository, EntityManager em, DesktopProviders providers, DesktopService desktops,
            Outbox outbox, Clock clock, AuditLog auditLog) {
        this.repository = repository;
        this.em = em;
        this.providers = providers;
        this.desktops = desktops;
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /** Checks up to {@code limit} desktops in CREATING, REBOOTING or DELETING; returns how many were claimed. */
    @Transactional
    public int pollDue(int limit) {
        Instant now = clock.instant();
        List<String> ids = repository.claimInTransition(limit);
        DesktopProvider provider = providers.active();
        for (String id : ids) {
            Desktop desktop = em.find(Desktop.class, id);
            desktop.checkedAt = now;
            if (desktop.status == DesktopStatus.CREATING && desktop.serverId == null) {
                build(desktop, provider, now);
                continue;
            }
            ServerStatus status = desktop.serverId == null ? ServerStatus.of(ServerState.DELETED) : provider.status(desktop.serverId);
            if (status.taskInProgress()) {
                continue;
            }
            switch (desktop.status) {
                case CREATING -> followBuild(desktop, status, provider, now);
                case REBOOTING -> followReboot(desktop, status, now);
                case DELETING -> followDeletion(desktop, status, now);
                default -> throw new IllegalStateException("Desktop " + id + " claimed while " + desktop.status);
            }
        }
        return ids.size();
    }

    private void build(Desktop desktop, DesktopProvider provider, Instant now) {
        try {
            ServerRef server = provider.create(new ServerSpec(desktop.id, desktop.name, desktop.flavour, desktop.cores,
                    desktop.memoryGb, desktop.image, desktop.volumeGb));
            desktop.serverId = server.serverId();
            desktop.volumeId = server.volumeId();
            LOG.infof("Desktop %s: the cloud is building server %s", desktop.id, server.serverId());
        } catch (ProviderException e) {
            failProvisioning(desktop, e.getMessage(), now);
        }
    }

    private void followBuild(Desktop desktop, ServerStatus status, DesktopProvider provider, Instant now) {
        switch (status.state()) {
            case ACTIVE -> provisioned(desktop, provider, now);
            case ERROR -> failProvisioning(desktop, status.fault().orElse("The server went into ERROR while building"), now);
            case DELETED -> failProvisioning(desktop, "The server disappeared while building", now);
            default -> {
                // Still building.
            }
        }
    }

    private void provisioned(Desktop desktop, DesktopProvider provider, Instant now) {
        desktop.apply(DesktopCommand.PROVISIONED, now);
        outbox.publish(desktop.workspaceId, new DesktopProvisioned(desktop.id, desktop.workspaceId, desktop.permitId, desktop.name,
                desktop.flavour, desktop.image, desktop.volumeGb, now));
        auditLog.record(desktop.workspaceId, Caller.SYSTEM, "desktop.provisioned", DesktopService.describe(desktop)
                + " on server " + desktop.serverId);
        LOG.infof("Desktop %s running", desktop.id);
        Workspace workspace = em.find(Workspace.class, desktop.workspaceId);
        if (workspace.status != WorkspaceStatus.READY) {
            // The workspace was locked while the desktop was being built: nothing runs in a locked workspace.
            desktop.apply(DesktopCommand.STOP, now);
            provider.stop(desktop.serverId);
            auditLog.record(desktop.workspaceId, Caller.SYSTEM, "desktop.stopped", DesktopService.describe(desktop)
                    + ": workspace " + workspace.status);
            LOG.infof("Desktop %s stopped at once: workspace %s is %s", desktop.id, workspace.id, workspace.status);
        }
    }

    private void failProvisioning(Desktop desktop, String error, Instant now) {
        fail(desktop, error, now);
        outbox.publish(desktop.workspaceId, new DesktopProvisioningFailed(desktop.id, desktop.workspaceId, desktop.permitId,
                desktop.error, now));
    }

    private void followReboot(Desktop desktop, ServerStatus status, Instant now) {
        switch (status.state()) {
            case ACTIVE -> desktop.apply(DesktopCommand.REBOOTED, now);
            case ERROR -> fail(desktop, status.fault().orElse("The server went into ERROR while rebooting"), now);
            case DELETED -> fail(desktop, "The server disappeared while rebooting", now);
            default -> {
                // Still rebooting.
            }
        }
    }

    private void followDeletion(Desktop desktop, ServerStatus status, Instant now) {
        switch (status.state()) {
            case DELETED -> {
                desktop.apply(DesktopCommand.DELETED, now);
                desktops.publishDeleted(desktop, now);
            }
            case ERROR -> fail(desktop, status.fault().orElse("The server went into ERROR while being deleted"), now);
            default -> {
                // Still being deleted.
            }
        }
    }

    private void fail(Desktop desktop, String error, Instant now) {
        DesktopStatus from = desktop.status;
        desktop.apply(DesktopCommand.FAIL, now);
        desktop.error = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        auditLog.record(desktop.workspaceId, Caller.SYSTEM, "desktop.failed", DesktopService.describe(desktop) + " while " + from
                + ": " + desktop.error);
        LOG.warnf("Desktop %s failed: %s", desktop.id, desktop.error);
    }
}
