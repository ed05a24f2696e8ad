package fi.sd.gateway.edge;

import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.gateway.config.GatewayConfig;
import fi.sd.gateway.routing.FilePaths;
import fi.sd.platform.problem.ProblemType;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What every request passes before it is routed: request id, security headers and the access
 * log on everything; on the API, the token check, the per-caller rate limit and the body size
 * limit, in that order.
 */
@ApplicationScoped
public class EdgeFilters {

    public static final String API = "/api/v1";
    private static final String REQUEST_ID_KEY = "sd.requestId";
    private static final String CALLER_KEY = "sd.caller";
    private static final String TOKEN_KEY = "sd.token";
    private static final String FRAMABLE_KEY = "sd.framable";
    private static final Logger ACCESS = Logger.getLogger("fi.sd.gateway.access");
    private static final Logger LOG = Logger.getLogger(EdgeFilters.class);
    // The same on every answer: ASCII constants, which the HTTP encoder copies as bytes.
    private static final CharSequence X_FRAME_OPTIONS = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence X_CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence STRICT_TRANSPORT_SECURITY = HttpHeaders.createOptimized("Strict-Transport-Security");
    private static final CharSequence HSTS = HttpHeaders.createOptimized("max-age=31536000; includeSubDomains");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence CONTENT_SECURITY_POLICY = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence API_POLICY = HttpHeaders.createOptimized("default-src 'none'; frame-ancestors 'none'");

    private final List<String> publicPaths;
    private final TokenVerifier tokens;
    private final RateLimiter rateLimiter;
    private final FilePaths filePaths;

    @Inject
    public EdgeFilters(GatewayConfig config, TokenVerifier tokens, RateLimiter rateLimiter, FilePaths filePaths) {
        this.publicPaths = List.copyOf(config.publicPaths());
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.filePaths = filePaths;
    }

    public static String requestId(RoutingContext ctx) {
        return ctx.get(REQUEST_ID_KEY);
    }

    /** The verified caller, or null on a public path. */
    public static TokenVerifier.Caller caller(RoutingContext ctx) {
        return ctx.get(CALLER_KEY);
    }

    /** The caller's own bearer token, for calls the gateway makes on the caller's behalf. */
    public static String bearerToken(RoutingContext ctx) {
        return ctx.get(TOKEN_KEY);
    }

    void register(@Observes Router router) {
        router.route().order(-300).handler(this::everyRequest);
        router.route(API + "/*").order(-200).handler(this::authenticate);
        router.route(API + "/*").order(-100).handler(this::limit);
    }

    private void everyRequest(RoutingContext ctx) {
        long started = System.nanoTime();
        String requestId = RequestContext.acceptOrGenerateRequestId(ctx.request().getHeader(RequestContext.REQUEST_ID));
        ctx.put(REQUEST_ID_KEY, requestId);
        boolean api = ctx.request().path().startsWith(API);
        ctx.addHeadersEndHandler(v -> securityHeaders(ctx.response(), requestId, api, ctx.get(FRAMABLE_KEY) != null));
        ctx.addEndHandler(v -> accessLog(ctx, started));
        ctx.next();
    }

    /**
     * This answer may be framed by the origins its {@code Content-Security-Policy}'s {@code frame-ancestors} names
     * ({@code X-Frame-Options} can name none of another origin, and would forbid them all).
     */
    public static void framableBy(RoutingContext ctx, String policy) {
        ctx.put(FRAMABLE_KEY, policy);
    }

    private static void securityHeaders(HttpServerResponse response, String requestId, boolean api, boolean framable) {
        MultiMap headers = response.headers();
        if (!framable) {
            headers.set(X_FRAME_OPTIONS, DENY);
        }
        headers.set(RequestContext.REQUEST_ID, requestId)
                .set(X_CONTENT_TYPE_OPTIONS, NOSNIFF)
                .set(STRICT_TRANSPORT_SECURITY, HSTS)
                .set(REFERRER_POLICY, NO_REFERRER);
        if (api) {
            headers.set(CACHE_CONTROL, NO_STORE).set(CONTENT_SECURITY_POLICY, API_POLICY);
        }
    }

    /**
     * Never the query (filters may name people) nor any header: ids, the subject and numbers only. Built by hand
     * rather than with a format string, which parsed its pattern and formatted a double on every request.
     */
    private static void accessLog(RoutingContext ctx, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        TokenVerifier.Caller caller = caller(ctx);
        HttpServerRequest request = ctx.request();
        long tenthsOfMillis = Math.round((System.nanoTime() - started) / 100_000.0);
        ACCESS.info(new StringBuilder(160)
                .append("requestId=").append(requestId(ctx))
                .append(" subject=").append(caller == null ? "-" : caller.userId())
                .append(" method=").append(request.method().name())
                .append(" path=").append(request.path())
                .append(" status=").append(ctx.response().getStatusCode())
                .append(" latencyMs=").append(tenthsOfMillis / 10).append('.').append(tenthsOfMillis % 10)
                .toString());
    }

    private void authenticate(RoutingContext ctx) {
        // Nothing of the body may be lost while the token is checked off the event loop; the
        // proxy resumes the request when it streams the body on.
        ctx.request().pause();
        if (isPublic(ctx.request().path())) {
            ctx.next();
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            unauthorized(ctx, "A bearer token is required.");
            return;
        }
        String token = authorization.substring(7).trim();
        tokens.verify(token).onComplete(verified -> {
            if (verified.succeeded()) {
                ctx.put(CALLER_KEY, verified.result());
                ctx.put(TOKEN_KEY, token);
                ctx.next();
            } else if (TokenVerifier.keysUnreachable(verified.cause())) {
                // Not the token's fault: nothing is known about it until the identity provider answers.
                LOG.warnf("Token check failed for request %s, the identity provider's keys cannot be read: %s", requestId(ctx),
                        verified.cause().toString());
                Problems.sendRetryLater(ctx, ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
                        "The identity provider's signing keys cannot be read now, so no token can be checked; retry shortly", 5);
            } else {
                if (!(verified.cause() instanceof ParseException)) {
                    LOG.warnf("Token check failed for request %s: %s", requestId(ctx), verified.cause().toString());
                }
                unauthorized(ctx, "The token is not valid: its signature, issuer, audience or expiry was refused.");
            }
        });
    }

    private boolean isPublic(String path) {
        for (String prefix : publicPaths) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    private static void unauthorized(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(ctx, ProblemType.UNAUTHENTICATED, detail);
    }

    private void limit(RoutingContext ctx) {
        TokenVerifier.Caller caller = caller(ctx);
        String key = caller != null ? "sub:" + caller.userId() : "addr:" + ctx.request().remoteAddress().hostAddress();
        long retryAfter = rateLimiter.acquire(key);
        if (retryAfter > 0) {
            Problems.sendRetryLater(ctx, ProblemType.RATE_LIMITED,
                    "The request rate limit was reached; retry after the given number of seconds.", retryAfter);
            return;
        }
        String contentLength = ctx.request().getHeader("Content-Length");
        if (contentLength != null) {
            OptionalLong length = declaredLength(contentLength);
            long max = filePaths.maxBodyBytes(ctx.request().path());
            if (length.isEmpty() || length.getAsLong() > max) {
                // The body is not read: this connection cannot carry another request.
                ctx.response().putHeader("Connection", "close");
                if (length.isEmpty()) {
                    Problems.send(ctx, ProblemType.BAD_REQUEST, "The Content-Length header is not a whole number of bytes.");
                } else {
                    Problems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The body may be at most " + max + " bytes.");
                }
                return;
            }
        }
        ctx.next();
    }

    /** The length a {@code Content-Length} header declares; empty when it is not a whole number of bytes. */
    static OptionalLong declaredLength(String contentLength) {
        String digits = contentLength.trim();
        return digits.matches("[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(digits)) : OptionalLong.empty();
    }
}
