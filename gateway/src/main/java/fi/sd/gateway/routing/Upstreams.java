package fi.sd.gateway.routing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.gateway.config.GatewayConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The services behind the gateway and the HTTP clients that call them. Every call goes
 * through the service's circuit breaker, has the upstream timeout, and fails as an
 * {@link UpstreamFailure}; 5xx answers count as failures for the breaker but are passed on.
 */
@ApplicationScoped
public class Upstreams {

    /** Connections kept to each service, per event loop. */
    private static final int CONNECTIONS_PER_EVENT_LOOP = 200;

    private final GatewayConfig config;
    private final Vertx vertx;
    /** For calls made off the event loops (the readiness checks, the OpenAPI document). */
    private final HttpClient sharedClient;
    /**
     * One client per event loop, so that a request to a service goes out on a connection of the event loop that
     * serves the caller: one client for all handed out any idle connection, of any event loop, and every request then
     * crossed threads twice (out and back), each crossing a queued task and a wake-up of the other thread.
     */
    private final Map<Thread, HttpClient> eventLoopClients = new ConcurrentHashMap<>();
    private final Map<String, Upstream> byName = new LinkedHashMap<>();

    @Inject
    public Upstreams(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        this.sharedClient = newClient();
        config.upstreams().forEach((name, upstream) -> byName.put(name, Upstream.of(name, upstream.url(), upstream.managementUrl(), upstream.paths(),
                new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor()))));
    }

    private HttpClient newClient() {
        return vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_EVENT_LOOP));
    }

    /** The client of the calling event loop (whose pool opens its connections on that event loop), else the shared one. */
    private HttpClient client() {
        return Context.isOnEventLoopThread()
                ? eventLoopClients.computeIfAbsent(Thread.currentThread(), loop -> newClient())
                : sharedClient;
    }

    public Map<String, Upstream> all() {
        return byName;
    }

    /** The upstream serving {@code path} (a prefix match on whole path segments), if any. */
    public Upstream owning(String path) {
        for (Upstream upstream : byName.values()) {
            for (String prefix : upstream.paths()) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return upstream;
                }
            }
        }
        return null;
    }

    /** Sends a request ({@code sending} writes its body, if any); the answer's body is not read yet. */
    public Future<HttpClientResponse> send(Upstream upstream, RequestOptions options,
            Function<HttpClientRequest, Future<HttpClientResponse>> sending) {
        if (options.getIdleTimeout() <= 0) {
            options.setIdleTimeout(config.upstreamTimeout().toMillis());
        }
        return sendWatched(upstream, options, sending);
    }

    /** The same, with no timeout of the client's own: the caller watches the request (a file body's progress). */
    public Future<HttpClientResponse> sendWatched(Upstream upstream, RequestOptions options,
            Function<HttpClientRequest, Future<HttpClientResponse>> sending) {
        if (!upstream.breaker().tryPass()) {
            return Future.failedFuture(UpstreamFailure.breakerOpen(upstream));
        }
        options.setHost(upstream.host()).setPort(upstream.port()).setSsl(upstream.ssl());
        return client().request(options)
                .compose(sending)
                .transform(answer -> {
                    if (answer.failed()) {
                        upstream.breaker().failed();
                        return Future.failedFuture(UpstreamFailure.classify(upstream, answer.cause()));
                    }
                    if (answer.result().statusCode() >= 500) {
                        upstream.breaker().failed();
                    } else {
                        upstream.breaker().succeeded();
                    }
                    return Future.succeededFuture(answer.result());
                });
    }

    /** A GET whose whole answer is read: status and body, for the gateway's own composite endpoints. */
    public Future<Answer> get(Upstream upstream, String uri, Map<String, String> headers) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(uri)
                .setIdleTimeout(config.upstreamTimeout().toMillis());
        headers.forEach(options::putHeader);
        return send(upstream, options, HttpClientRequest::send).compose(response -> readAnswer(upstream, response));
    }

    /**
     * A GET on the service's management interface (its health, its OpenAPI document), whose whole answer is read. It
     * bypasses the circuit breaker, which guards the API: a probe neither opens nor closes it.
     */
    public Future<Answer> getManagement(Upstream upstream, String uri, Duration timeout) {
        Upstream.Address at = upstream.management();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(uri).setIdleTimeout(timeout.toMillis())
                .setHost(at.host()).setPort(at.port()).setSsl(at.ssl()).putHeader("Accept", "application/json");
        return client().request(options)
                .compose(HttpClientRequest::send)
                .recover(failure -> Future.failedFuture(UpstreamFailure.classify(upstream, failure)))
                .compose(response -> readAnswer(upstream, response));
    }

    private static Future<Answer> readAnswer(Upstream upstream, HttpClientResponse response) {
        return response.body()
                .map(body -> new Answer(response.statusCode(), body))
                .recover(cut -> Future.failedFuture(UpstreamFailure.classify(upstream, cut)));
    }

    public record Answer(int status, Buffer body) {
    }
}
