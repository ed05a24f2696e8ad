package fi.sd.desktop.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import fi.sd.desktop.audit.AuditLog;
import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.domain.Desktop;
import fi.sd.desktop.domain.DesktopStatus;
import fi.sd.desktop.domain.ProviderAction;
import fi.sd.desktop.domain.ProviderCommand;
import fi.sd.desktop.domain.ProviderCommandStatus;
import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.provider.DataAttachment;
import fi.sd.desktop.provider.DesktopProvider;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ProviderException;
import fi.sd.desktop.provider.ServerRef;
import fi.sd.desktop.provider.ServerSpec;
import fi.sd.desktop.provider.ServerState;
import fi.sd.desktop.provider.ServerStatus;
import fi.sd.desktop.repository.ProviderCommandRepository;
import fi.sd.platform.messaging.Backoff;
import fi.sd.platform.security.Caller;

/**
 * Carries out provider commands: a batch is claimed in a short transaction (a lease on each, so that
 * another replica takes it over only if this one dies), each is carried out with no transaction open,
 * and each outcome is recorded in a transaction of its own, so that one desktop's failure touches no
 * other. A command the cloud refuses fails (a refused build fails its desktop); any other failure is
 * retried with a growing back-off up to {@code sd.desktop.provider.command-attempts}.
 */
@ApplicationScoped
public class ProviderCommandRunner {

    private static final Logger LOG = Logger.getLogger(ProviderCommandRunner.class);
    private static final int MAX_ERROR = 4000;
    /** A server busy with a task (building, rebooting) is asked again this much later. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final ProviderCommandRepository repository;
    private final EntityManager em;
    private final DesktopProviders providers;
    private final DesktopConfig.Provider config;
    private final Clock clock;
    private final WorkspaceService workspaces;
    private final DesktopStatusService statuses;
    private final AuditLog auditLog;

    @Inject
    public ProviderCommandRunner(ProviderCommandRepository repository, EntityManager em, DesktopProviders providers,
            DesktopConfig config, Clock clock, WorkspaceService workspaces, DesktopStatusService statuses, AuditLog auditLog) {
        this.repository = repository;
        this.em = em;
        this.providers = providers;
        this.config = config.provider();
        this.clock = clock;
        this.workspaces = workspaces;
        this.statuses = statuses;
        this.auditLog = auditLog;
    }

    /** What a claimed command needs, read while it was claimed. */
    record Claimed(long id, String desktopId, ProviderAction action, int attempts, DesktopStatus desktopStatus, String serverId,
            Optional<ServerSpec> spec, List<DataAttachment> data) {
    }

    /** The server was busy with a task: the command waits without counting as an attempt. */
    private static final class ServerBusy extends RuntimeException {
        ServerBusy(ServerState state) {
            super("the server is busy (" + state + ")");
        }
    }

    /** Carries out up to {@code limit} due commands; returns how many were claimed. */
    public int runDue(int limit) {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claim(limit));
        for (Claimed command : claimed) {
            run(command);
        }
        return claimed.size();
    }

    private List<Claimed> claim(int limit) {
        // Real time for leases and back-offs (see ProviderCommands).
        Instant now = Instant.now();
        return repository.claimDue(now, limit).stream().map(id -> {
            ProviderCommand command = em.find(ProviderCommand.class, id);
            command.attempts++;
            command.notBefore = now.plus(config.commandLease());
            Desktop desktop = em.find(Desktop.class, command.desktopId);
            boolean boots = command.action == ProviderAction.CREATE || command.action == ProviderAction.RESUME
                    || command.action == ProviderAction.REBOOT;
            List<DataAttachment> data = boots ? dataOf(desktop) : List.of();
            Optional<ServerSpec> spec = command.action == ProviderAction.CREATE
                    ? Optional.of(new ServerSpec(desktop.id, desktop.workspaceId, desktop.name, desktop.flavour, desktop.cores,
                            desktop.memoryGb, desktop.image, desktop.volumeGb, data))
                    : Optional.empty();
            return new Claimed(command.id, desktop.id, command.action, command.attempts, desktop.status, desktop.serverId, spec, data);
        }).toList();
    }

    /** The releases the desktop shows: those its creator may see (on a register permit, only those they are entitled to). */
    private List<DataAttachment> dataOf(Desktop desktop) {
        Workspace workspace = em.find(Workspace.class, desktop.workspaceId);
        Caller creator = new Caller(desktop.createdBy, Set.of(), Optional.empty(), false);
        return workspaces.mountsVisibleTo(workspace, creator).stream().map(ReleaseDeliveryRunner::attachment).toList();
    }

    private void run(Claimed command) {
        try {
            Optional<ServerRef> created = carryOut(command, providers.active());
            QuarkusTransaction.requiringNew().run(() -> done(command, created));
        } catch (ProviderException e) {
            QuarkusTransaction.requiringNew().run(() -> refused(command, e.getMessage()));
        } catch (ServerBusy e) {
            QuarkusTransaction.requiringNew().run(() -> later(command, BUSY_RETRY, false, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Provider command %d (%s of desktop %s) failed", command.id(), command.action(), command.desktopId());
            QuarkusTransaction.requiringNew().run(() -> retryOrFail(command, e));
        }
    }

    /** Asks the cloud for what the command wants, judged by what the server is now; returns the server a build made. */
    private static Optional<ServerRef> carryOut(Claimed command, DesktopProvider provider) {
        if (command.action() == ProviderAction.CREATE) {
            // A desktop purged or failed before its build was carried out needs no server.
            return command.desktopStatus() == DesktopStatus.CREATING ? Optional.of(provider.create(command.spec().orElseThrow()))
                    : Optional.empty();
        }
        String serverId = command.serverId();
        if (serverId == null) {
            return Optional.empty();
        }
        if (command.action() == ProviderAction.DELETE) {
            provider.delete(serverId);
            return Optional.empty();
        }
        ServerStatus status = provider.status(serverId);
        ServerState state = status.state();
        switch (command.action()) {
            case PAUSE -> {
                busyIf(status.taskInProgress() || state == ServerState.BUILD || state == ServerState.REBOOT, state);
                if (state == ServerState.ACTIVE) {
                    provider.pause(serverId);
                }
            }
            case RESUME, REBOOT -> {
                busyIf(status.taskInProgress() || state == ServerState.BUILD, state);
                if (state == ServerState.PAUSED) {
                    provider.unpause(serverId);
                } else if (state == ServerState.SHUTOFF || state == ServerState.ERROR) {
                    provider.attachData(serverId, command.data());
                    provider.start(serverId);
                } else if (state == ServerState.ACTIVE && command.action() == ProviderAction.REBOOT) {
                    provider.attachData(serverId, command.data());
                    provider.reboot(serverId);
                }
            }
            case STOP -> {
                busyIf(state == ServerState.BUILD, state);
                if (state == ServerState.ACTIVE || state == ServerState.PAUSED || state == ServerState.REBOOT) {
                    provider.stop(serverId);
                }
            }
            default -> throw new IllegalStateException("Unexpected provider action " + command.action());
        }
        return Optional.empty();
    }

    private static void busyIf(boolean busy, ServerState state) {
        if (busy) {
            throw new ServerBusy(state);
        }
    }

    private void done(Claimed claimed, Optional<ServerRef> created) {
        ProviderCommand command = em.find(ProviderCommand.class, claimed.id());
        if (command.status != ProviderCommandStatus.PENDING) {
            // Another runner took it over after this one's lease ran out, and finished first.
            return;
        }
        command.status = ProviderCommandStatus.DONE;
        command.doneAt = clock.instant();
        created.ifPresent(server -> {
            Desktop desktop = em.find(Desktop.class, claimed.desktopId());
            if (desktop.serverId == null) {
                desktop.serverId = server.serverId();
                desktop.volumeId = server.volumeId();
                LOG.infof("Desktop %s: the cloud is building server %s", desktop.id, server.serverId());
            }
        });
    }

    private void refused(Claimed claimed, String error) {
        ProviderCommand command = em.find(ProviderCommand.class, claimed.id());
        if (command.status != ProviderCommandStatus.PENDING) {
            return;
        }
        fail(command, error);
        Desktop desktop = em.find(Desktop.class, claimed.desktopId());
        if (claimed.action() == ProviderAction.CREATE && desktop.status == DesktopStatus.CREATING) {
            statuses.failProvisioning(desktop, error, clock.instant());
        } else {
            auditLog.record(desktop.workspaceId, Caller.SYSTEM, "desktop.command.refused",
                    DesktopService.describe(desktop) + ": the cloud refused to " + claimed.action() + ": " + command.error);
            LOG.errorf("Desktop %s: the cloud refused %s: %s", desktop.id, claimed.action(), error);
        }
    }

    private void retryOrFail(Claimed claimed, RuntimeException failure) {
        ProviderCommand command = em.find(ProviderCommand.class, claimed.id());
        if (command.status != ProviderCommandStatus.PENDING) {
            return;
        }
        if (command.attempts < config.commandAttempts()) {
            later(claimed, Backoff.after(command.attempts, Duration.ofMinutes(1)), true, String.valueOf(failure.getMessage()));
            return;
        }
        refused(claimed, "gave up after " + command.attempts + " attempts: " + failure);
    }

    private void later(Claimed claimed, Duration delay, boolean counts, String why) {
        ProviderCommand command = em.find(ProviderCommand.class, claimed.id());
        if (command.status != ProviderCommandStatus.PENDING) {
            return;
        }
        if (!counts) {
            command.attempts--;
        }
        command.notBefore = Instant.now().plus(delay);
        command.error = truncate(why);
    }

    private void fail(ProviderCommand command, String error) {
        command.status = ProviderCommandStatus.FAILED;
        command.doneAt = clock.instant();
        command.error = truncate(error);
    }

    private static String truncate(String error) {
        return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    }
}
