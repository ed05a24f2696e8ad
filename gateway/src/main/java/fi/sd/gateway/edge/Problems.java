package fi.sd.gateway.edge;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem answers made by the gateway itself, in the same shape as the services' own. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "https://sd.fi/problems/";

    private Problems() {
    }

    /** Ends the exchange with a problem, unless an answer has already begun (then only the connection can be cut). */
    public static void send(RoutingContext ctx, int status, String type, String title, String detail) {
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", TYPE_PREFIX + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("requestId", EdgeFilters.requestId(ctx));
        ctx.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(problem.encode());
    }

    /** A 503 or 429 that tells the caller when to come back. */
    public static void sendRetryLater(RoutingContext ctx, int status, String type, String title, String detail, long retryAfterSeconds) {
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        send(ctx, status, type, title, detail);
    }
}
