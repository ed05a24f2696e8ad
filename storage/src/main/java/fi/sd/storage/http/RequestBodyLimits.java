package fi.sd.storage.http;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.Problem;
import fi.sd.platform.rest.RequestIds;
import fi.sd.storage.config.StorageConfig;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Request body limits by kind: a file ({@code application/octet-stream}) may be as large as
 * {@code sd.storage.max-file-size}, any other body (JSON) only {@code sd.storage.max-json-body-size}.
 * Quarkus's own limit ({@code quarkus.http.limits.max-body-size}) is set to the file limit; this
 * narrows it for everything else. A declared length over the limit is a 413 problem before a byte
 * is read; a body without a declared length is cut off at the limit as it is read.
 */
@ApplicationScoped
public class RequestBodyLimits {

    /** Before Quarkus's own check (order -2), so that an oversized body gets a problem document. */
    private static final int DECLARED_LENGTH_ORDER = -3;
    /** After Quarkus's own check, which sets its limit for bodies of unknown length. */
    private static final int UNKNOWN_LENGTH_ORDER = -1;
    public static final String FILE_TYPE = "application/octet-stream";

    private final long maxFileBytes;
    private final long maxJsonBytes;
    private final ObjectMapper json;

    @Inject
    public RequestBodyLimits(StorageConfig config, ObjectMapper json) {
        this.maxFileBytes = config.maxFileSize().asLongValue();
        this.maxJsonBytes = config.maxJsonBodySize().asLongValue();
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(DECLARED_LENGTH_ORDER).handler(this::declaredLength);
        router.route().order(UNKNOWN_LENGTH_ORDER).handler(this::unknownLength);
    }

    /** The limit of a request: a file's, or the smaller one of any other body. */
    long limitOf(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FILE_TYPE) ? maxFileBytes : maxJsonBytes;
    }

    private void declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (length != null && tooLong(length, limit)) {
            refuse(ctx, limit);
            return;
        }
        ctx.next();
    }

    private void unknownLength(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limitOf(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)));
        }
        ctx.next();
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void refuse(RoutingContext ctx, long limit) {
        String requestId = RequestIds.acceptOrGenerate(ctx.request().getHeader(RequestIds.HEADER));
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "The request body may be at most " + limit + " bytes", ctx.request().path(), requestId, null, Map.of("maxBytes", limit));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body is not read: this connection cannot carry another request.
        ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(RequestIds.HEADER, requestId)
                .end(body);
    }
}
