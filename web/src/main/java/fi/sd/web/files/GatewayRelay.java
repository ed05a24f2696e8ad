package fi.sd.web.files;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * File bytes between the browser and the gateway, streamed both ways (never whole in this application's
 * memory): the request's body goes to the gateway as it arrives, with the signed-in person's access
 * token added here (the page's scripts never see it), and the gateway's answer comes back as it arrives.
 */
@ApplicationScoped
public class GatewayRelay {

    private static final Logger LOG = Logger.getLogger(GatewayRelay.class);
    /** What of the gateway's answer the browser gets: the body's kind and length, and a download's name. */
    private static final List<CharSequence> PASSED_ON = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.LOCATION);

    private final HttpClient client;
    private final URI gateway;
    private final long timeoutMillis;

    @Inject
    public GatewayRelay(Vertx vertx, @ConfigProperty(name = "quarkus.rest-client.gateway.url") URI gateway,
            @ConfigProperty(name = "quarkus.rest-client.gateway.read-timeout") long timeoutMillis) {
        this.gateway = gateway;
        this.timeoutMillis = timeoutMillis;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000).setIdleTimeout(0));
    }

    private static String accessToken(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : token.getToken();
    }

    /** The signed-in person's access token; when nobody is signed in, null, and the browser is told to sign in again (401). */
    public static String signedIn(RoutingContext ctx) {
        String token = accessToken(ctx);
        if (token == null) {
            problem(ctx.response(), 401, "Sign in again", "Your sign-in has ended. Reload the page to sign in again.");
        }
        return token;
    }

    /**
     * Sends the browser's request (its body, when {@code withBody}) to {@code apiPath} of the gateway and
     * streams the answer back; {@code attachment}: the file name the browser saves it under, or null.
     */
    public void relay(RoutingContext ctx, HttpMethod method, String apiPath, boolean withBody, String attachment) {
        String token = signedIn(ctx);
        if (token == null) {
            return;
        }
        if (withBody) {
            ctx.request().pause();
        }
        request(method, apiPath, token, ctx.request().getHeader(HttpHeaders.CONTENT_TYPE), ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH))
                .compose(out -> withBody ? out.send(ctx.request()) : out.send())
                .onSuccess(answer -> passOn(ctx, answer, attachment))
                .onFailure(failed -> unreachable(ctx, failed));
    }

    /** A call whose JSON answer this application reads (small: a list of links); the answer's status and body. */
    public Future<Answer> json(HttpMethod method, String apiPath, String token, JsonObject body) {
        return request(method, apiPath, token, "application/json", null)
                .compose(out -> out.send(body.toBuffer()))
                .compose(answer -> answer.body().map(bytes -> new Answer(answer.statusCode(), bytes, false)));
    }

    /** A body-less call whose answer this application reads, at most {@code limit} bytes of it (the rest is not read). */
    public Future<Answer> bounded(HttpMethod method, String apiPath, String token, int limit) {
        return request(method, apiPath, token, null, null)
                .compose(out -> out.send())
                .compose(answer -> {
                    Promise<Answer> read = Promise.promise();
                    Buffer kept = Buffer.buffer();
                    answer.handler(chunk -> {
                        int room = limit - kept.length();
                        if (room > 0) {
                            kept.appendBuffer(chunk.length() > room ? chunk.getBuffer(0, room) : chunk);
                        }
                        if (kept.length() >= limit && !read.future().isComplete()) {
                            read.tryComplete(new Answer(answer.statusCode(), kept, true));
                        }
                    });
                    answer.exceptionHandler(read::tryFail);
                    answer.endHandler(end -> read.tryComplete(new Answer(answer.statusCode(), kept, false)));
                    return read.future();
                });
    }

    /** Streams the gateway's answer to {@code apiPath} (a GET) to the browser, as a download named {@code attachment}. */
    public void download(RoutingContext ctx, String apiPath, String token, String attachment) {
        request(HttpMethod.GET, apiPath, token, null, null)
                .compose(out -> out.send())
                .onSuccess(answer -> passOn(ctx, answer, attachment))
                .onFailure(failed -> unreachable(ctx, failed));
    }

    private Future<io.vertx.core.http.HttpClientRequest> request(HttpMethod method, String apiPath, String token, String contentType,
            String contentLength) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(gateway.resolve(apiPath).toString())
                .setIdleTimeout(timeoutMillis)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .putHeader(HttpHeaders.ACCEPT, "*/*");
        if (contentType != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (contentLength != null) {
            options.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength);
        }
        return client.request(options);
    }

    private static void passOn(RoutingContext ctx, HttpClientResponse answer, String attachment) {
        HttpServerResponse response = ctx.response().setStatusCode(answer.statusCode());
        PASSED_ON.forEach(header -> {
            String value = answer.getHeader(header);
            if (value != null) {
                response.putHeader(header, value);
            }
        });
        if (attachment != null && answer.statusCode() == 200 && answer.getHeader(HttpHeaders.CONTENT_DISPOSITION) == null) {
            response.putHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(attachment));
        }
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        answer.pipeTo(response);
    }

    private static void unreachable(RoutingContext ctx, Throwable failed) {
        LOG.warnf("The gateway could not be reached for %s %s: %s", ctx.request().method(), ctx.request().path(), failed.toString());
        if (!ctx.response().headWritten()) {
            problem(ctx.response(), 503, "Service unavailable", "The service cannot be reached. Try again in a moment.");
        } else {
            ctx.response().reset();
        }
    }

    public static void problem(HttpServerResponse response, int status, String title, String detail) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(new JsonObject().put("status", status).put("title", title).put("detail", detail).encode());
    }

    /** The gateway's status and body; {@code truncated}: the body went on beyond what was read. */
    public record Answer(int status, Buffer body, boolean truncated) {
    }
}
