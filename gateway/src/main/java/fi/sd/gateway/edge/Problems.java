package fi.sd.gateway.edge;

import java.util.Map;

import fi.sd.platform.problem.ProblemType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem answers made by the gateway itself, of the services' own types ({@link ProblemType}) and in their shape. */
public final class Problems {

    private Problems() {
    }

    /** Ends the exchange with a problem, unless an answer has already begun (then only the connection can be cut). */
    public static void send(RoutingContext ctx, ProblemType type, String detail) {
        send(ctx, type, detail, Map.of());
    }

    /** A problem naming invalid fields or parameters, each with what it must be, as the services' {@code errors[]}. */
    public static void send(RoutingContext ctx, ProblemType type, String detail, Map<String, String> errors) {
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", type.uri())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("requestId", EdgeFilters.requestId(ctx));
        if (!errors.isEmpty()) {
            JsonArray fields = new JsonArray();
            errors.forEach((field, message) -> fields.add(new JsonObject().put("field", field).put("message", message)));
            problem.put("errors", fields);
        }
        ctx.response().setStatusCode(type.status()).putHeader("Content-Type", ProblemType.MEDIA_TYPE).end(problem.encode());
    }

    /** A 503 or 429 that tells the caller when to come back. */
    public static void sendRetryLater(RoutingContext ctx, ProblemType type, String detail, long retryAfterSeconds) {
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        send(ctx, type, detail);
    }
}
