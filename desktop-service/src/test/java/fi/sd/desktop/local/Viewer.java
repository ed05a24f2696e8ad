package fi.sd.desktop.local;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A viewer's WebSocket to desktop-service's bridge, as the gateway opens it: the RFB bytes it receives and how it was closed. */
final class Viewer implements WebSocket.Listener {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile long closedAtNanos;
    private WebSocket socket;

    /** Connects, or answers the HTTP status that refused the upgrade. */
    static Connection connect(int port, String sessionId, String token) {
        Viewer viewer = new Viewer();
        URI uri = URI.create("ws://localhost:" + port + "/desktop/connect/" + sessionId + "/websocket?token=" + token);
        try {
            viewer.socket = HTTP.newWebSocketBuilder().buildAsync(uri, viewer).get(20, TimeUnit.SECONDS);
            return new Connection(viewer, 101);
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return new Connection(null, refused.getResponse().statusCode());
            }
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Connection(Viewer viewer, int status) {
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        synchronized (received) {
            received.writeBytes(bytes);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedAtNanos = System.nanoTime();
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closedAtNanos = System.nanoTime();
        closed.complete(-1);
    }

    String received() {
        synchronized (received) {
            return received.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    void send(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void heartbeat() {
        socket.sendText("heartbeat", true).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    int closeCode() {
        return closed.join();
    }

    long closedAtNanos() {
        return closedAtNanos;
    }
}
