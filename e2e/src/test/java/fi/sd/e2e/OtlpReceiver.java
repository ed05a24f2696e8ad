package fi.sd.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP trace receiver for the end-to-end run ({@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}): it
 * accepts every export (an empty {@code ExportTraceServiceResponse}) and keeps the latest requests' bodies,
 * each one process's spans, so a test can look for a trace in what each process sent.
 */
final class OtlpReceiver implements AutoCloseable {

    private static final long KEPT_BYTES = 64L << 20;

    private final HttpServer server;
    private final Deque<byte[]> exports = new ArrayDeque<>();
    private long keptBytes;

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "otlp-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL the processes export to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The kept export requests that hold a span of {@code traceId} (its 16 bytes as field 1 of a Span, tag 0x0a,
     * length 16) and name {@code serviceName} (the resource's {@code service.name}).
     */
    synchronized List<byte[]> exportsOf(String serviceName, String traceId) {
        byte[] spanTraceId = HexFormat.of().parseHex("0a10" + traceId);
        byte[] name = serviceName.getBytes(StandardCharsets.UTF_8);
        return exports.stream().filter(body -> holds(body, spanTraceId) && holds(body, name)).toList();
    }

    static boolean contains(byte[] body, String text) {
        return holds(body, text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean holds(byte[] body, byte[] part) {
        for (int at = 0; at + part.length <= body.length; at++) {
            if (Arrays.equals(body, at, at + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            synchronized (this) {
                exports.addLast(body);
                keptBytes += body.length;
                while (keptBytes > KEPT_BYTES) {
                    keptBytes -= exports.removeFirst().length;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
