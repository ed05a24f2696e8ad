package fi.sd.desktop.bridge;

import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import fi.sd.desktop.config.DesktopConfig;
import fi.sd.desktop.repository.SessionPresenceRepository;
import fi.sd.desktop.service.ConnectService;
import fi.sd.desktop.service.ConnectService.Admission;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

/**
 * The viewer connections open on this replica. Every {@code bridge-check-interval} one query asks which of
 * their sessions have ended, on whichever replica that happened (a logout, idle expiry, a lock, a desktop
 * paused or deleted), and closes those connections: within that interval plus the query's time. A
 * connection whose viewer sent no heartbeat for {@code bridge-heartbeat-timeout} is closed too. The
 * viewers' heartbeats are written to their sessions every {@code heartbeat-flush-interval}, in one
 * statement, so a session stays open while its viewer's tab is.
 */
@ApplicationScoped
public class OpenBridges {

    private static final Logger LOG = Logger.getLogger(OpenBridges.class);

    private final Map<String, VncBridge> bySession = new ConcurrentHashMap<>();
    private final Set<String> heartbeats = ConcurrentHashMap.newKeySet();
    private final SessionPresenceRepository presence;
    private final ConnectService connections;
    private final DesktopConfig.Sessions config;
    private final Clock clock;
    private final Vertx vertx;
    private ScheduledExecutorService watcher;

    @Inject
    public OpenBridges(SessionPresenceRepository presence, ConnectService connections, DesktopConfig config, Clock clock, Vertx vertx) {
        this.presence = presence;
        this.connections = connections;
        this.config = config.sessions();
        this.clock = clock;
        this.vertx = vertx;
    }

    @PostConstruct
    void startWatching() {
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "vnc-bridge-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::closeEnded, config.bridgeCheckInterval().toMillis(),
                config.bridgeCheckInterval().toMillis(), TimeUnit.MILLISECONDS);
        watcher.scheduleWithFixedDelay(this::flushHeartbeats, config.heartbeatFlushInterval().toMillis(),
                config.heartbeatFlushInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Joins an admitted viewer to its desktop's console; a session has one viewer at a time (a token is good for one). */
    void open(Admission admission, ServerWebSocket viewer, SocketChannel console) {
        VncBridge bridge = new VncBridge(admission, viewer, console, this);
        VncBridge earlier = bySession.put(admission.sessionId(), bridge);
        if (earlier != null) {
            earlier.end(CloseReason.SESSION_ENDED);
        }
        bridge.start();
    }

    void heartbeat(String sessionId) {
        heartbeats.add(sessionId);
    }

    void ended(VncBridge bridge, CloseReason reason, Duration connectedFor, long bytesToViewer) {
        bySession.remove(bridge.admission().sessionId(), bridge);
        vertx.executeBlocking(() -> {
            connections.disconnected(bridge.admission(), reason.text(), connectedFor, bytesToViewer);
            return null;
        }, false).onFailure(e -> LOG.errorf(e, "The end of viewer connection to session %s could not be recorded",
                bridge.admission().sessionId()));
    }

    /** How many viewer connections are open on this replica. */
    public int open() {
        return bySession.size();
    }

    private void closeEnded() {
        try {
            if (bySession.isEmpty()) {
                return;
            }
            List<String> ended = QuarkusTransaction.requiringNew().call(() -> presence.ended(List.copyOf(bySession.keySet())));
            for (String sessionId : ended) {
                VncBridge bridge = bySession.get(sessionId);
                if (bridge != null) {
                    bridge.end(CloseReason.SESSION_ENDED);
                }
            }
            bySession.values().stream().filter(b -> b.silentFor(config.bridgeHeartbeatTimeout()))
                    .forEach(b -> b.end(CloseReason.NO_HEARTBEAT));
        } catch (RuntimeException e) {
            LOG.warnf("Could not check the sessions of the open viewers: %s", e.toString());
        }
    }

    private void flushHeartbeats() {
        try {
            if (heartbeats.isEmpty()) {
                return;
            }
            List<String> seen = List.copyOf(heartbeats);
            heartbeats.removeAll(seen);
            QuarkusTransaction.requiringNew().run(() -> presence.touch(seen, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record the viewers' heartbeats: %s", e.toString());
        }
    }

    @PreDestroy
    void closeAll() {
        watcher.shutdownNow();
        List.copyOf(bySession.values()).forEach(b -> b.end(CloseReason.SHUTTING_DOWN));
    }
}
