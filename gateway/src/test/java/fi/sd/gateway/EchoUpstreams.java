package fi.sd.gateway;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Three real HTTP servers standing in for the services: each answers with its own name, the
 * method, the path, the query, the headers and the body it received, so a test sees exactly
 * what the gateway forwarded. {@code ?delayMs=N} makes one answer late, {@code ?breakAnswer} cuts one off. Like a Quarkus service,
 * each also has a management server of its own, on another port, with {@code /q/health/ready} and an OpenAPI document
 * of its own paths (the API server echoes {@code /q/...} like any other path). A test may
 * stop a service and start it again on the same ports.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    /** A request with this header is answered with its body's size and SHA-256 (see {@link #digest}). */
    public static final String DIGEST = "X-Echo-Digest";
    /** A request with this header is answered with that many bytes (see {@link #file}), as a file download is. */
    public static final String FILE_BYTES = "X-Echo-File-Bytes";

    public static final Map<String, List<String>> PATHS = Map.of(
            "permit-service", List.of("/api/v1/permits", "/api/v1/public/permits"),
            "apply-service", List.of("/api/v1/catalogue", "/api/v1/applications", "/api/v1/entitlements", "/api/v1/permissions"),
            "desktop-service", List.of("/api/v1/workspaces", "/api/v1/desktops", "/api/v1/sessions", "/api/v1/imports",
                    "/api/v1/exports", "/api/v1/export-downloads", "/api/v1/audit"));

    private static Vertx vertx;
    private static final Map<String, HttpServer> SERVERS = new LinkedHashMap<>();
    private static final Map<String, Integer> PORTS = new HashMap<>();
    private static final Map<String, HttpServer> MANAGEMENT_SERVERS = new LinkedHashMap<>();
    private static final Map<String, Integer> MANAGEMENT_PORTS = new HashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : PATHS.keySet()) {
            listen(service, 0, 0);
            config.put("sd.gateway.upstreams." + service + ".url", "http://127.0.0.1:" + PORTS.get(service));
            config.put("sd.gateway.upstreams." + service + ".management-url", "http://127.0.0.1:" + MANAGEMENT_PORTS.get(service));
        }
        config.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        config.put("sd.gateway.rate-limit.requests-per-second", "5");
        config.put("sd.gateway.rate-limit.burst", "40");
        config.put("sd.gateway.max-body-size", "64K");
        config.put("sd.gateway.max-file-size", "24M");
        // Long enough for a cold first call on a busy machine, short enough for the 504 test.
        config.put("sd.gateway.upstream-timeout", "3s");
        config.put("sd.gateway.circuit-breaker.failure-threshold", "3");
        config.put("sd.gateway.circuit-breaker.open-for", "1s");
        config.put("sd.gateway.openapi-cache-for", "0s");
        config.put("quarkus.http.cors.origins", "https://portal.sd.test");
        return config;
    }

    public static void stop(String service) {
        await(SERVERS.remove(service).close());
        await(MANAGEMENT_SERVERS.remove(service).close());
    }

    public static void restart(String service) {
        listen(service, PORTS.get(service), MANAGEMENT_PORTS.get(service));
    }

    private static void listen(String service, int port, int managementPort) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> answer(service, request));
        await(server.listen(port, "127.0.0.1"));
        SERVERS.put(service, server);
        PORTS.put(service, server.actualPort());
        HttpServer management = vertx.createHttpServer().requestHandler(request -> answerManagement(service, request));
        await(management.listen(managementPort, "127.0.0.1"));
        MANAGEMENT_SERVERS.put(service, management);
        MANAGEMENT_PORTS.put(service, management.actualPort());
    }

    private static void answerManagement(String service, HttpServerRequest request) {
        if (request.path().equals("/q/health/ready")) {
            request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\",\"checks\":[]}");
            return;
        }
        if (request.path().equals("/q/openapi")) {
            JsonObject paths = new JsonObject();
            PATHS.get(service).forEach(p -> paths.put(p, new JsonObject().put("get",
                    new JsonObject().put("operationId", service + p).put("responses", new JsonObject()))));
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("openapi", "3.1.0").put("info", new JsonObject().put("title", service).put("version", "1.0.0"))
                    .put("paths", paths)
                    .put("components", new JsonObject().put("schemas", new JsonObject()
                            .put(service + "-Thing", new JsonObject().put("type", "object"))))
                    .encode());
            return;
        }
        request.response().setStatusCode(404).end();
    }

    private static void answer(String service, HttpServerRequest request) {
        if (request.path().startsWith("/desktop/connect/")) {
            BridgeStandIn.answer(request);
            return;
        }
        if (request.getParam("breakAnswer") != null) {
            // No answer at all: the connection is gone.
            request.connection().close();
            return;
        }
        if (request.getHeader(DIGEST) != null) {
            digest(service, request);
            return;
        }
        if (request.getHeader(FILE_BYTES) != null) {
            file(request, Long.parseLong(request.getHeader(FILE_BYTES)));
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            String echo = new JsonObject()
                    .put("service", service)
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("body", body.toString())
                    .encode();
            long delay = request.getParam("delayMs") == null ? 0 : Long.parseLong(request.getParam("delayMs"));
            Runnable send = () -> request.response().putHeader("Content-Type", "application/json").end(echo);
            if (delay > 0) {
                vertx.setTimer(delay, t -> send.run());
            } else {
                send.run();
            }
        });
    }

    /** Answers with {@code size} bytes of a repeating pattern (byte i is i mod 251), written as the connection drains. */
    private static void file(HttpServerRequest request, long size) {
        HttpServerResponse response = request.response().putHeader("Content-Type", "application/octet-stream")
                .putHeader("Content-Length", Long.toString(size));
        long[] sent = { 0 };
        Runnable[] write = new Runnable[1];
        write[0] = () -> {
            while (sent[0] < size && !response.writeQueueFull()) {
                int chunk = (int) Math.min(64 * 1024, size - sent[0]);
                byte[] bytes = new byte[chunk];
                for (int i = 0; i < chunk; i++) {
                    bytes[i] = (byte) ((sent[0] + i) % 251);
                }
                sent[0] += chunk;
                response.write(Buffer.buffer(bytes));
            }
            if (sent[0] >= size) {
                response.end();
            } else {
                response.drainHandler(v -> write[0].run());
            }
        };
        write[0].run();
    }

    /**
     * Answers with the size and SHA-256 of the body instead of the body, read as it arrives; with
     * {@code bytesPerSecond}, no faster than that, like a service that stores slowly.
     */
    private static void digest(String service, HttpServerRequest request) {
        MessageDigest sha256 = sha256();
        long[] bytes = { 0 };
        String pace = request.getParam("bytesPerSecond");
        request.handler(chunk -> {
            sha256.update(chunk.getBytes());
            bytes[0] += chunk.length();
        });
        request.endHandler(v -> request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("service", service)
                .put("bytes", bytes[0])
                .put("sha256", HexFormat.of().formatHex(sha256.digest()))
                .put("chunked", "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding")))
                .encode()));
        if (pace != null) {
            // Paused while ahead of the rate, resumed once behind it: a service that stores slowly.
            long rate = Long.parseLong(pace);
            long start = System.nanoTime();
            request.pause();
            long timer = vertx.setPeriodic(10, t -> {
                if (bytes[0] * 1_000_000_000L < (System.nanoTime() - start) * rate) {
                    request.resume();
                } else {
                    request.pause();
                }
            });
            request.response().endHandler(v -> vertx.cancelTimer(timer));
            request.connection().closeHandler(v -> vertx.cancelTimer(timer));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Upstream stub did not start or stop", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }
}
