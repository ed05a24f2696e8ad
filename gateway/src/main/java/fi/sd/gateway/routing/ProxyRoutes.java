package fi.sd.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.gateway.config.GatewayConfig;
import fi.sd.gateway.edge.EdgeFilters;
import fi.sd.gateway.edge.Problems;
import fi.sd.gateway.edge.RequestContext;
import fi.sd.platform.problem.ProblemType;
import io.netty.util.AsciiString;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Forwards each API path to the service that owns it, streaming bodies both ways. */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    /** RFC 9110 §7.6.1: meaningful for one connection only, never forwarded. */
    private static final List<AsciiString> HOP_BY_HOP = Stream.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection", "host")
            .map(AsciiString::cached).toList();
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestContext.REQUEST_ID);
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");

    /** How often a file upload is checked for progress. */
    private static final long WATCH_MILLIS = 1000;

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final FilePaths filePaths;

    @Inject
    public ProxyRoutes(Upstreams upstreams, GatewayConfig config, FilePaths filePaths) {
        this.upstreams = upstreams;
        this.config = config;
        this.filePaths = filePaths;
    }

    void register(@Observes Router router) {
        for (Upstream upstream : upstreams.all().values()) {
            for (String prefix : upstream.paths()) {
                router.route(prefix).handler(ctx -> forward(ctx, upstream));
                router.route(prefix + "/*").handler(ctx -> forward(ctx, upstream));
            }
            LOG.infof("Routing %s to %s (%s:%d)", upstream.paths(), upstream.name(), upstream.host(), upstream.port());
        }
        // After every route, the gateway's own and Swagger UI's: a problem, never an HTML page. Health and metrics
        // are on the management port, so /q/metrics and the like end here too.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> Problems.send(ctx, ProblemType.NOT_FOUND,
                "No service serves " + ctx.request().path() + "."));
    }

    private void forward(RoutingContext ctx, Upstream upstream) {
        HttpServerRequest in = ctx.request();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setURI(in.uri());
        MultiMap headers = in.headers();
        boolean declaredLength = headers.contains(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = !declaredLength && headers.contains(HttpHeaders.TRANSFER_ENCODING);
        if (!declaredLength && !chunked) {
            in.resume();
            answer(ctx, upstream, options, HttpClientRequest::send);
        } else if (filePaths.isFile(in.path())) {
            streamFile(ctx, upstream, options);
        } else if (declaredLength) {
            answer(ctx, upstream, options, request -> request.send(in));
        } else {
            collectChunkedBody(ctx, upstream, options);
        }
    }

    /**
     * A body of unknown length is read up to the limit before it is sent on with its length, so
     * that an oversized one is a 413 and never a half-sent request to a service.
     */
    private void collectChunkedBody(RoutingContext ctx, Upstream upstream, RequestOptions options) {
        HttpServerRequest in = ctx.request();
        long max = config.maxBodySize().asLongValue();
        Buffer body = Buffer.buffer();
        in.handler(chunk -> {
            if (body.length() + chunk.length() > max) {
                in.handler(null).endHandler(null);
                // The rest of the body is still coming: this connection cannot carry another request.
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                ctx.addEndHandler(v -> in.connection().close());
                Problems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The body may be at most " + max + " bytes.");
                return;
            }
            body.appendBuffer(chunk);
        });
        in.endHandler(v -> answer(ctx, upstream, options, request -> {
            request.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
            return request.send(body);
        }));
        in.resume();
    }

    /**
     * A file body streams to the service as it arrives, with or without a declared length, never
     * held. The upstream timeout counts from its last bytes (a large file may take long, a stalled
     * one may not), and from its end for the answer. One without a length is cut off when it passes
     * the file size limit (413). A body that fails or is cut off resets the request to the service,
     * which so never takes a cut body for a whole one.
     */
    private void streamFile(RoutingContext ctx, Upstream upstream, RequestOptions options) {
        HttpServerRequest in = ctx.request();
        long timeout = config.upstreamTimeout().toMillis();
        MeteredBody body = new MeteredBody(in, config.maxFileSize().asLongValue());
        boolean chunked = !in.headers().contains(HttpHeaders.CONTENT_LENGTH);
        long[] watch = { -1 };
        upstreams.sendWatched(upstream, options, request -> {
            copyRequestHeaders(ctx, request.headers());
            request.setChunked(chunked);
            // A reset is reported through the answer; nothing else to log.
            request.exceptionHandler(reset -> { });
            watch[0] = ctx.vertx().setPeriodic(WATCH_MILLIS, t -> {
                if (body.idleMillis() > timeout) {
                    request.reset(0, new TimeoutException("no bytes and no answer for " + timeout + " ms"));
                }
            });
            body.forwardTo(request);
            return request.response();
        }).onComplete(sent -> {
            ctx.vertx().cancelTimer(watch[0]);
            if (body.tooLarge()) {
                // The rest of the body is still coming: this connection cannot carry another request.
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                ctx.addEndHandler(v -> in.connection().close());
                Problems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The body may be at most " + body.limit() + " bytes.");
            } else if (sent.failed()) {
                fail(ctx, sent.cause());
            } else {
                relay(ctx, sent.result());
            }
        });
    }

    private void answer(RoutingContext ctx, Upstream upstream, RequestOptions options,
            Function<HttpClientRequest, Future<HttpClientResponse>> sending) {
        upstreams.send(upstream, options, request -> {
            copyRequestHeaders(ctx, request.headers());
            return sending.apply(request);
        }).onComplete(sent -> {
            if (sent.failed()) {
                fail(ctx, sent.cause());
            } else {
                relay(ctx, sent.result());
            }
        });
    }

    private static void relay(RoutingContext ctx, HttpClientResponse answer) {
        HttpServerResponse out = ctx.response();
        out.setStatusCode(answer.statusCode()).setStatusMessage(answer.statusMessage());
        copyEndToEnd(answer.headers(), out.headers());
        out.send(answer).onFailure(cut -> {
            // The head is already sent: the caller can only see the answer cut off.
            LOG.warnf("Answer from upstream cut off for request %s: %s", EdgeFilters.requestId(ctx), cut.toString());
            ctx.request().connection().close();
        });
    }

    public static void fail(RoutingContext ctx, Throwable failure) {
        if (ctx.response().ended()) {
            return;
        }
        if (!(failure instanceof UpstreamFailure f)) {
            LOG.errorf(failure, "Request %s failed", EdgeFilters.requestId(ctx));
            Problems.send(ctx, ProblemType.BAD_GATEWAY, "The service gave no usable answer.");
            return;
        }
        switch (f.kind()) {
            case UNAVAILABLE -> Problems.sendRetryLater(ctx, ProblemType.SERVICE_UNAVAILABLE,
                    "The " + f.service() + " is not available at the moment.", f.retryAfterSeconds());
            case TIMEOUT -> Problems.send(ctx, ProblemType.GATEWAY_TIMEOUT, "The " + f.service() + " did not answer in time.");
            case BROKEN -> Problems.send(ctx, ProblemType.BAD_GATEWAY, "The " + f.service() + " gave no usable answer.");
        }
    }

    /** The caller's end-to-end headers and the gateway's own, straight into the request to the service. */
    private static void copyRequestHeaders(RoutingContext ctx, MultiMap to) {
        HttpServerRequest in = ctx.request();
        MultiMap from = in.headers();
        List<String> named = connectionOptions(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (endToEnd(name, named)) {
                to.add(name, header.getValue());
            }
        }
        to.set(REQUEST_ID, EdgeFilters.requestId(ctx));
        String forwardedFor = from.get(X_FORWARDED_FOR);
        String client = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        to.set(X_FORWARDED_FOR, forwardedFor == null ? client : forwardedFor + ", " + client);
        to.set(X_FORWARDED_PROTO, in.scheme());
        if (in.authority() != null) {
            to.set(X_FORWARDED_HOST, in.authority().toString());
        }
    }

    /** Copies all but the hop-by-hop headers, including those the {@code Connection} header names. */
    private static void copyEndToEnd(MultiMap from, MultiMap to) {
        List<String> named = connectionOptions(from);
        for (Map.Entry<String, String> header : from) {
            if (endToEnd(header.getKey(), named)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    /** The header names a {@code Connection} header lists (RFC 9110 §7.6.1): hop-by-hop too. Usually none. */
    private static List<String> connectionOptions(MultiMap headers) {
        List<String> connections = headers.getAll(HttpHeaders.CONNECTION);
        if (connections.isEmpty()) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (String connection : connections) {
            for (String token : connection.split(",")) {
                named.add(token.trim());
            }
        }
        return named;
    }

    private static boolean endToEnd(String name, List<String> named) {
        for (AsciiString hop : HOP_BY_HOP) {
            if (hop.contentEqualsIgnoreCase(name)) {
                return false;
            }
        }
        for (String option : named) {
            if (option.equalsIgnoreCase(name)) {
                return false;
            }
        }
        return true;
    }
}
