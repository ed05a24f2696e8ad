package fi.sd.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import fi.sd.gateway.config.GatewayConfig;
import fi.sd.gateway.edge.EdgeFilters;
import fi.sd.gateway.routing.Upstream;
import fi.sd.gateway.routing.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One OpenAPI document for the whole API at {@code /api/v1/openapi}: the gateway's own operations
 * ({@code openapi/gateway.json}) and each service's own document, fetched from its {@code /q/openapi}
 * on its management interface, with paths and components merged. Kept for a short while; a service
 * that could not be asked is listed under {@code x-sd-unavailable} (and such a document is not kept).
 */
@ApplicationScoped
public class MergedOpenApi {

    public static final String PATH = EdgeFilters.API + "/openapi";
    private static final String OWN_OPERATIONS = "/openapi/gateway.json";

    private final Upstreams upstreams;
    private final JsonObject own = readOwnOperations();
    private final Duration timeout;
    private final long cacheForNanos;
    private JsonObject cached;
    private long cachedAt;

    @Inject
    public MergedOpenApi(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.timeout = config.upstreamTimeout();
        this.cacheForNanos = config.openapiCacheFor().toNanos();
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        ctx.request().resume();
        JsonObject kept = fresh();
        (kept != null ? Future.succeededFuture(kept) : merge()).onSuccess(document ->
                ctx.response().putHeader("Content-Type", "application/json").end(document.encode()));
    }

    private synchronized JsonObject fresh() {
        return cached != null && System.nanoTime() - cachedAt < cacheForNanos ? cached : null;
    }

    private synchronized void keep(JsonObject document) {
        cached = document;
        cachedAt = System.nanoTime();
    }

    private Future<JsonObject> merge() {
        List<Upstream> services = new ArrayList<>(upstreams.all().values());
        List<Future<JsonObject>> documents = services.stream()
                .map(upstream -> upstreams.getManagement(upstream, "/q/openapi?format=json", timeout)
                        .map(answer -> answer.status() == 200 ? answer.body().toJsonObject() : null)
                        .otherwise((JsonObject) null))
                .toList();
        return Future.join(documents).transform(done -> {
            JsonObject gateway = own.copy();
            JsonObject paths = gateway.getJsonObject("paths");
            JsonObject components = new JsonObject();
            mergeComponents(components, gateway.getJsonObject("components"));
            JsonArray unavailable = new JsonArray();
            for (int i = 0; i < services.size(); i++) {
                JsonObject document = documents.get(i).result();
                if (document == null) {
                    unavailable.add(services.get(i).name());
                    continue;
                }
                paths.getMap().putAll(document.getJsonObject("paths", new JsonObject()).getMap());
                mergeComponents(components, document.getJsonObject("components", new JsonObject()));
            }
            JsonObject merged = new JsonObject()
                    .put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", "Secondary use of health and social data: the API")
                            .put("version", "1.0.0"))
                    .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                    .put("paths", paths)
                    .put("components", components)
                    .put("x-sd-unavailable", unavailable);
            if (unavailable.isEmpty()) {
                keep(merged);
            }
            return Future.succeededFuture(merged);
        });
    }

    private static JsonObject readOwnOperations() {
        try (InputStream in = MergedOpenApi.class.getResourceAsStream(OWN_OPERATIONS)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + OWN_OPERATIONS, e);
        }
    }

    /** Per kind (schemas, securitySchemes, ...); the first to name a component (the gateway, then each service) keeps the name. */
    private static void mergeComponents(JsonObject into, JsonObject components) {
        for (String kind : components.fieldNames()) {
            JsonObject existing = into.getJsonObject(kind);
            if (existing == null) {
                existing = new JsonObject();
                into.put(kind, existing);
            }
            JsonObject named = components.getJsonObject(kind, new JsonObject());
            for (String name : named.fieldNames()) {
                if (!existing.containsKey(name)) {
                    existing.put(name, named.getValue(name));
                }
            }
        }
    }
}
