package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.domain.DesktopCommand;
import fi.sd.desktop.domain.DesktopStatus;
import fi.sd.desktop.domain.ProviderAction;
import fi.sd.desktop.domain.ProviderCommand;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.domain.WorkspaceStatus;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ServerState;
import fi.sd.desktop.provider.ServerStatus;
import fi.sd.desktop.repository.DesktopRepository;
import fi.sd.events.desktop.DesktopProvisioned;
import fi.sd.events.desktop.DesktopProvisioningFailed;
import fi.sd.platform.outbox.Outbox;
import fi.sd.platform.security.Caller;

/**
 * Follows desktops against the cloud: those waiting on it (CREATING, REBOOTING, DELETING) at every
 * poll, the others (RUNNING, PAUSED, STOPPED) every {@code health-interval}. A batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} in a short transaction, the cloud is asked with no transaction open,
 * and each desktop's outcome is recorded in a transaction of its own (skipped if the desktop changed
 * meanwhile or has a command pending), announcing each outcome once. A server that is not what its
 * desktop says is put right by a provider command; one that crashed is restarted (RUNNING) or
 * recorded STOPPED (PAUSED), and reported.
 */
@ApplicationScoped
public class DesktopStatusService {

    private static final Logger LOG = Logger.getLogger(DesktopStatusService.class);
    private static final int MAX_ERROR = 4000;

    private final DesktopRepository repository;
    private final EntityManager em;
    private final DesktopProviders providers;
    private final DesktopService desktops;
    private final SessionService sessions;
    private final ProviderCommands commands;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;
    private final DesktopConfig.Provider config;

    @Inject
    public DesktopStatusService(DesktopRepository repository, EntityManager em, DesktopProviders providers, DesktopService desktops,
            SessionService sessions, ProviderCommands commands, Outbox outbox, Clock clock, AuditLog auditLog, DesktopConfig config) {
        this.repository = repository;
        this.em = em;
        this.providers = providers;
        this.desktops = desktops;
        this.sessions = sessions;
        this.commands = commands;
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
        this.config = config.provider();
    }

    /** A desktop as it was claimed: its outcome is recorded only if it is still so. */
    record Claimed(String id, DesktopStatus status, String serverId) {
    }

    /** Checks up to {@code limit} desktops that are due; returns how many were claimed. */
    public int pollDue(int limit) {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(limit));
        for (Claimed desktop : claimed) {
            ServerStatus status;
            try {
                status = desktop.serverId() == null ? ServerStatus.of(ServerState.DELETED) : providers.active().status(desktop.serverId());
            } catch (RuntimeException e) {
                LOG.warnf("Desktop %s: the cloud could not tell the status of server %s: %s", desktop.id(), desktop.serverId(), e);
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> follow(desktop, status));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Desktop %s: the server's status %s could not be recorded", desktop.id(), status.state());
            }
        }
        return claimed.size();
    }

    private List<Claimed> claim(int limit) {
        // When a desktop was last checked is real time: the platform clock may be moved (bin/sd demo, the tests).
        Instant now = Instant.now();
        List<String> ids = repository.claimDue(now.minus(config.healthInterval()), limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        // Not through the entity: a check is no change of the desktop, so its row version (and a member's command
        // on it at the same moment) is left alone.
        repository.markChecked(ids, now);
        return ids.stream().map(id -> {
            Desktop desktop = em.find(Desktop.class, id);
            return new Claimed(desktop.id, desktop.status, desktop.serverId);
        }).toList();
    }

    private void follow(Claimed claimed, ServerStatus status) {
        Desktop desktop = em.find(Desktop.class, claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (desktop.status != claimed.status() || !Objects.equals(desktop.serverId, claimed.serverId())
                || ProviderCommand.pendingFor(desktop.id) || status.taskInProgress()) {
            // Someone acted on it since it was claimed, or the cloud is still at work: the next poll looks again.
            return;
        }
        Instant now = clock.instant();
        switch (desktop.status) {
            case CREATING -> followBuild(desktop, status, now);
            case REBOOTING -> followReboot(desktop, status, now);
            case DELETING -> followDeletion(desktop, status, now);
            case RUNNING -> checkRunning(desktop, status, now);
            case PAUSED -> checkPaused(desktop, status, now);
            case STOPPED -> {
                if (status.state() != ServerState.SHUTOFF && status.state() != ServerState.DELETED) {
                    LOG.warnf("Desktop %s is STOPPED but its server is %s: stopping it again", desktop.id, status.state());
                    commands.record(desktop, ProviderAction.STOP);
                }
            }
            default -> {
                // FAILED and DELETED are not followed.
            }
        }
    }

    private void followBuild(Desktop desktop, ServerStatus status, Instant now) {
        switch (status.state()) {
            case ACTIVE -> provisioned(desktop, now);
            case ERROR -> failProvisioning(desktop, status.fault().orElse("The server went into ERROR while building"), now);
            case DELETED -> {
                if (desktop.serverId == null) {
                    // No build was asked for (or its command was lost): ask for it.
                    commands.record(desktop, ProviderAction.CREATE);
                } else {
                    failProvisioning(desktop, "The server disappeared while building", now);
                }
            }
            // The build was cut off (e.g. its host restarted): a build asked again carries on with the same server.
            case SHUTOFF -> commands.record(desktop, ProviderAction.CREATE);
            default -> {
                // Still building.
            }
        }
    }

    private void provisioned(Desktop desktop, Instant now) {
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
            commands.record(desktop, ProviderAction.STOP);
            auditLog.record(desktop.workspaceId, Caller.SYSTEM, "desktop.stopped", DesktopService.describe(desktop)
                    + ": workspace " + workspace.status);
            LOG.infof("Desktop %s stopped at once: workspace %s is %s", desktop.id, workspace.id, workspace.status);
        }
    }

    /** The build failed or was refused: FAILED, announced with the cloud's reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    void failProvisioning(Desktop desktop, String error, Instant now) {
        fail(desktop, error, now);
        outbox.publish(desktop.workspaceId, new DesktopProvisioningFailed(desktop.id, desktop.workspaceId, desktop.permitId,
                desktop.error, now));
    }

    private void followReboot(Desktop desktop, ServerStatus status, Instant now) {
        switch (status.state()) {
            case ACTIVE -> desktop.apply(DesktopCommand.REBOOTED, now);
            case ERROR -> fail(desktop, status.fault().orElse("The server went into ERROR while rebooting"), now);
            case DELETED -> fail(desktop, "The server disappeared while rebooting", now);
            // Off with no command pending: the restart was cut off, so it is asked again.
            case SHUTOFF -> commands.record(desktop, ProviderAction.REBOOT);
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
            // Still there with no command pending: the deletion was cut off, so it is asked again.
            default -> commands.record(desktop, ProviderAction.DELETE);
        }
    }

    /** A running desktop whose server is gone or off crashed: it is restarted with its volume, as a cloud restarts a crashed guest. */
    private void checkRunning(Desktop desktop, ServerStatus status, Instant now) {
        switch (status.state()) {
            case ACTIVE, BUILD, REBOOT -> {
                // As it should be, or on its way.
            }
            case PAUSED -> commands.record(desktop, ProviderAction.RESUME);
            default -> {
                String fault = status.fault().orElse("the server is " + status.state());
                auditLog.record(desktop.workspaceId, Caller.SYSTEM, "desktop.crashed", DesktopService.describe(desktop) + ": "
                        + fault + "; restarting it with its volume");
                sessions.endAllOn(desktop, Caller.SYSTEM, "desktop restarted after a crash");
                desktop.apply(DesktopCommand.REBOOT, now);
                commands.record(desktop, ProviderAction.REBOOT);
                LOG.warnf("Desktop %s crashed (%s): restarting it", desktop.id, fault);
            }
        }
    }

    /** A paused desktop whose server ended lost what it held in memory: it is recorded STOPPED, and a resume starts it again. */
    private void checkPaused(Desktop desktop, ServerStatus status, Instant now) {
        switch (status.state()) {
            case PAUSED -> {
                // As it should be.
            }
            case ACTIVE -> commands.record(desktop, ProviderAction.PAUSE);
            default -> {
                String fault = status.fault().orElse("the server is " + status.state());
                auditLog.record(desktop.workspaceId, Caller.SYSTEM, "desktop.crashed", DesktopService.describe(desktop) + ": "
                        + fault + " while paused; recorded as stopped (a resume starts it again)");
                desktop.apply(DesktopCommand.STOP, now);
                LOG.warnf("Desktop %s ended while paused (%s): recorded as stopped", desktop.id, fault);
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
