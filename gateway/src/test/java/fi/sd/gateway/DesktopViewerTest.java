package fi.sd.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The desktop viewer: its page and the vendored noVNC are served by the gateway itself (no CDN), and its
 * WebSocket is checked for its Origin and passed to desktop-service (here {@link BridgeStandIn}) with the
 * refusal, the messages and the close code passed back unchanged.
 */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class DesktopViewerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void theViewerPageAndNoVncAreServedByTheGatewayWithAStrictPolicy() {
        given().when().get("/desktop/connect/4b1c6f0e-session?token=abc").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                // Framed only by the configured front end (the web shows the viewer in its session page).
                .header("Content-Security-Policy", containsString("frame-ancestors https://portal.sd.test"))
                .header("X-Frame-Options", nullValue()).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .body(containsString("/desktop/viewer.js")).body(containsString("No copy and paste"));
        given().when().get("/desktop/viewer.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("./novnc/core/rfb.js")).body(containsString("heartbeat"));
        given().when().get("/desktop/novnc/core/rfb.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("export default class RFB"));
        given().when().get("/desktop/novnc/vendor/pako/lib/zlib/inflate.js").then().statusCode(200);
    }

    @Test
    void theWebSocketIsPassedToDesktopServiceBothWaysAndItsCloseCodeComesBack() throws Exception {
        Client client = new Client();
        WebSocket socket = connect("http://localhost:" + port, "good", client);
        socket.sendBinary(ByteBuffer.wrap("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII)), true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.received.contains("echo:RFB 003.008\n"));
        assertThat(client.received.get(0)).startsWith("forwarded-for ").doesNotEndWith("null");
        socket.sendText("end", true).join();
        assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4001 the session ended");
    }

    @Test
    void aConfiguredFrontEndMayOpenTheViewerButNoOtherOrigin() throws Exception {
        connect("https://portal.sd.test", "good", new Client()).sendClose(1000, "done").join();
        assertThat(status("https://evil.example", "good")).isEqualTo(403);
        assertThat(status(null, "good")).isEqualTo(403);
        assertThat(status("http://localhost:" + (port + 1), "good")).isEqualTo(403);
    }

    @Test
    void desktopServicesRefusalIsTheViewersAnswer() throws Exception {
        assertThat(status("http://localhost:" + port, "used")).isEqualTo(401);
        given().header("Origin", "http://localhost:" + port).header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").header("Sec-WebSocket-Version", "13")
                .when().get("/desktop/connect/s1/websocket?token=used").then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo("The connect token has been used already."));
    }

    /** What a viewer received, and how its connection was closed ("code reason"). */
    private static final class Client implements WebSocket.Listener {
        final List<String> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            received.add(StandardCharsets.US_ASCII.decode(data).toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }
    }

    private WebSocket connect(String origin, String token, Client client) throws Exception {
        return builder(origin).buildAsync(uri(token), client).get(10, TimeUnit.SECONDS);
    }

    /** 101 when the upgrade is accepted, else the refusal's status. */
    private int status(String origin, String token) throws Exception {
        try {
            builder(origin).buildAsync(uri(token), new Client()).get(10, TimeUnit.SECONDS).sendClose(1000, "done").join();
            return 101;
        } catch (ExecutionException e) {
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private URI uri(String token) {
        return URI.create("ws://localhost:" + port + "/desktop/connect/s1/websocket?token=" + token);
    }

    private static WebSocket.Builder builder(String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        return origin == null ? builder : builder.header("Origin", origin);
    }
}
