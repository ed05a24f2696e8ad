package fi.sd.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Three real HTTP servers standing in for the services: each answers with its own name, the
 * method, the path, the query and the headers it received, so a test sees exactly what the
 * gateway forwarded.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    private static final String[] SERVICES = {"permit-service", "apply-service", "desktop-service"};

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("service", service)
                        .put("method", request.method().name())
                        .put("path", request.path())
                        .put("query", request.query())
                        .put("headers", headers)
                        .put("body", body.toString())
                        .encode());
            }));
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Upstream stub did not start", e);
            }
            config.put("sd.gateway.services." + service + ".url", "http://127.0.0.1:" + server.actualPort());
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
