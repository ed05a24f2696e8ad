package fi.sd.desktop.bridge;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.service.ConnectService;
import fi.sd.desktop.service.ConnectService.Admission;
import fi.sd.platform.rest.Problem;
import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.ProblemException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /desktop/connect/{sessionId}/websocket?token=...}: the viewer's WebSocket, which the gateway
 * passes on. The token is checked and the desktop's console connected before the upgrade is accepted, so
 * that a refusal is a plain HTTP answer (401, 403, 409, 503 as problem+json) the gateway can pass back.
 */
@ApplicationScoped
public class DesktopBridgeRoutes {

    public static final String PATH = "/desktop/connect/:sessionId/websocket";

    private static final Logger LOG = Logger.getLogger(DesktopBridgeRoutes.class);

    private final ConnectService connections;
    private final DesktopProviders providers;
    private final OpenBridges bridges;
    private final Vertx vertx;

    @Inject
    public DesktopBridgeRoutes(ConnectService connections, DesktopProviders providers, OpenBridges bridges, Vertx vertx) {
        this.connections = connections;
        this.providers = providers;
        this.bridges = bridges;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::connect);
    }

    /** An admitted connection with its console open, ready for the upgrade. */
    private record Prepared(Admission admission, SocketChannel console) {
    }

    private void connect(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            problem(ctx, new ProblemException(ProblemType.BAD_REQUEST, "This address takes a WebSocket only.", null));
            return;
        }
        String sessionId = ctx.pathParam("sessionId");
        String token = request.getParam("token");
        String client = clientOf(request);
        request.pause();
        vertx.executeBlocking(() -> prepare(sessionId, token, client), false).onComplete(prepared -> {
            request.resume();
            if (prepared.failed()) {
                problem(ctx, prepared.cause());
                return;
            }
            request.toWebSocket().onSuccess(viewer -> bridges.open(prepared.result().admission(), viewer, prepared.result().console()))
                    .onFailure(e -> {
                        closeQuietly(prepared.result().console());
                        vertx.executeBlocking(() -> {
                            connections.disconnected(prepared.result().admission(), "the WebSocket upgrade failed: " + e.getMessage(),
                                    Duration.ZERO, 0);
                            return null;
                        }, false);
                    });
        });
    }

    private Prepared prepare(String sessionId, String token, String client) {
        Admission admission = connections.admit(sessionId, token, client);
        try {
            SocketChannel console = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                console.connect(UnixDomainSocketAddress.of(providers.active().consoleSocket(admission.serverId())));
            } catch (IOException | RuntimeException e) {
                closeQuietly(console);
                throw e;
            }
            return new Prepared(admission, console);
        } catch (IOException | RuntimeException e) {
            connections.disconnected(admission, "its console could not be reached: " + e.getMessage(), Duration.ZERO, 0);
            LOG.warnf("Session %s: the console of desktop %s could not be reached: %s", sessionId, admission.desktopId(), e.toString());
            throw new ProblemException(ProblemType.DESKTOP_UNAVAILABLE,
                    "The desktop's console cannot be reached now; try again in a moment.", null);
        }
    }

    /** The viewer's address as the gateway saw it (its X-Forwarded-For), else the connection's. */
    private static String clientOf(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static void problem(RoutingContext ctx, Throwable failure) {
        ProblemException problem = failure instanceof ProblemException p ? p
                : new ProblemException(ProblemType.INTERNAL_ERROR, "The connection could not be made.", null);
        if (!(failure instanceof ProblemException)) {
            LOG.error("Viewer connection failed", failure);
        }
        String requestId = ctx.request().getHeader("X-Request-Id");
        JsonObject body = new JsonObject()
                .put("type", problem.type().uri())
                .put("title", problem.type().title())
                .put("status", problem.status())
                .put("detail", problem.getMessage())
                .put("instance", ctx.request().path())
                .put("requestId", requestId == null ? UUID.randomUUID().toString() : requestId);
        ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body.encode());
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debugf("Closing a console connection: %s", e);
        }
    }
}
