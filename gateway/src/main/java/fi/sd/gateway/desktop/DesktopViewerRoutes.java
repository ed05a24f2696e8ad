package fi.sd.gateway.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import fi.sd.gateway.edge.EdgeFilters;
import fi.sd.gateway.edge.Problems;
import fi.sd.gateway.routing.Upstream;
import fi.sd.gateway.routing.Upstreams;
import fi.sd.platform.problem.ProblemType;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The desktop viewer. {@code GET /desktop/connect/{sessionId}?token=...} (a session's {@code connectUrl})
 * serves the viewer page: noVNC, vendored from Debian's novnc package under {@code /desktop/novnc/}. Its
 * WebSocket, {@code /desktop/connect/{sessionId}/websocket?token=...}, is checked for its {@code Origin}
 * (the gateway's own, or a configured front-end origin; anything else is a 403) and passed to
 * desktop-service, which checks the token and bridges to the desktop. desktop-service's refusal (401, 403,
 * 409, 503) is the viewer's answer; once both sides are open, messages pass through unchanged, and a
 * close on either side closes the other with the same code and reason.
 */
@ApplicationScoped
public class DesktopViewerRoutes {

    static final String PAGE = "/desktop/connect/:sessionId";
    static final String SOCKET = "/desktop/connect/:sessionId/websocket";
    /** The page runs only its own scripts and talks only to its own origin; framed only by the configured front ends. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ";

    private static final Logger LOG = Logger.getLogger(DesktopViewerRoutes.class);
    private static final String DESKTOP_SERVICE = "desktop-service";

    private final Upstream desktopService;
    private final List<String> frontEndOrigins;
    private final WebSocketClient client;
    private final Buffer page;
    private final String pagePolicy;

    @Inject
    public DesktopViewerRoutes(Upstreams upstreams, Vertx vertx,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> frontEndOrigins) {
        this.desktopService = upstreams.all().get(DESKTOP_SERVICE);
        this.frontEndOrigins = frontEndOrigins.orElse(List.of()).stream().map(o -> o.trim().toLowerCase(Locale.ROOT)).toList();
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 * 1024 * 1024)
                .setMaxFrameSize(1024 * 1024));
        this.page = Buffer.buffer(resource("/viewer/viewer.html"));
        this.pagePolicy = PAGE_POLICY + (this.frontEndOrigins.isEmpty() ? "'none'" : String.join(" ", this.frontEndOrigins));
    }

    void register(@Observes Router router) {
        router.get(SOCKET).handler(this::proxy);
        router.get(PAGE).handler(this::page);
    }

    /** The web front end shows the viewer in its session page: only its origins may frame it (none by default). */
    private void page(RoutingContext ctx) {
        if (!frontEndOrigins.isEmpty()) {
            EdgeFilters.framableBy(ctx, pagePolicy);
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", pagePolicy)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(page);
    }

    private void proxy(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            Problems.send(ctx, ProblemType.BAD_REQUEST, "This address takes a WebSocket only.");
            return;
        }
        if (!allowedOrigin(request)) {
            LOG.infof("Viewer WebSocket refused for request %s: origin %s", EdgeFilters.requestId(ctx), request.getHeader("Origin"));
            Problems.send(ctx, ProblemType.FORBIDDEN, "The viewer may only be opened from the gateway's own pages.");
            return;
        }
        request.pause();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("X-Request-Id", EdgeFilters.requestId(ctx))
                .set("X-Forwarded-For", request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(desktopService.host()).setPort(desktopService.port())
                .setSsl(desktopService.ssl()).setURI(request.uri()).setHeaders(headers);
        client.connect(options).onComplete(connected -> {
            request.resume();
            if (connected.failed()) {
                refuse(ctx, connected.cause());
                return;
            }
            WebSocket desktop = connected.result();
            // What the desktop sends at once (the RFB greeting) waits until the viewer's side is open.
            desktop.pause();
            request.toWebSocket().onSuccess(viewer -> join(viewer, desktop)).onFailure(e -> desktop.close());
        });
    }

    /** Same origin as the page the gateway served, or one of the configured front ends. */
    private boolean allowedOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String normalised = origin.trim().toLowerCase(Locale.ROOT);
        if (frontEndOrigins.contains(normalised)) {
            return true;
        }
        try {
            URI uri = URI.create(normalised);
            String host = request.getHeader(HttpHeaders.HOST);
            return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equals(host.toLowerCase(Locale.ROOT))
                    && (uri.getScheme().equals("http") || uri.getScheme().equals("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(RoutingContext ctx, Throwable cause) {
        if (cause instanceof UpgradeRejectedException rejected) {
            Buffer body = rejected.getBody();
            ctx.response().setStatusCode(rejected.getStatus());
            String type = rejected.getHeaders() == null ? null : rejected.getHeaders().get(HttpHeaders.CONTENT_TYPE);
            if (type != null) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type);
            }
            ctx.response().end(body == null ? Buffer.buffer() : body);
            return;
        }
        LOG.warnf("Viewer WebSocket for request %s: desktop-service could not be reached: %s", EdgeFilters.requestId(ctx), cause.toString());
        Problems.sendRetryLater(ctx, ProblemType.SERVICE_UNAVAILABLE, "The desktop service is not available at the moment.", 5);
    }

    /** Passes every message on as it came, and a close on either side to the other side. */
    private static void join(ServerWebSocket viewer, WebSocket desktop) {
        viewer.frameHandler(frame -> {
            if (!passesOn(frame)) {
                return;
            }
            desktop.writeFrame(frame);
            if (desktop.writeQueueFull()) {
                viewer.pause();
                desktop.drainHandler(v -> viewer.resume());
            }
        });
        desktop.frameHandler(frame -> {
            if (!passesOn(frame)) {
                return;
            }
            viewer.writeFrame(frame);
            if (viewer.writeQueueFull()) {
                desktop.pause();
                viewer.drainHandler(v -> desktop.resume());
            }
        });
        viewer.closeHandler(v -> {
            if (!desktop.isClosed()) {
                desktop.close(codeOr(viewer.closeStatusCode()), viewer.closeReason());
            }
        });
        desktop.closeHandler(v -> {
            if (!viewer.isClosed()) {
                viewer.close(codeOr(desktop.closeStatusCode()), desktop.closeReason());
            }
        });
        viewer.exceptionHandler(e -> desktop.close());
        desktop.exceptionHandler(e -> viewer.close());
        desktop.resume();
    }

    /** Data frames pass; a close is passed as a close, and pings are answered by each side itself. */
    private static boolean passesOn(WebSocketFrame frame) {
        return frame.type() != WebSocketFrameType.CLOSE && frame.type() != WebSocketFrameType.PING
                && frame.type() != WebSocketFrameType.PONG;
    }

    private static short codeOr(Short code) {
        return code == null ? 1000 : code;
    }

    private static byte[] resource(String name) {
        try (InputStream in = DesktopViewerRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the gateway");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
