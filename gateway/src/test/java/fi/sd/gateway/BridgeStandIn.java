package fi.sd.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * desktop-service's viewer bridge as the gateway sees it: the token {@code good} is let through and every
 * binary message echoed back, a text message {@code end} closes the connection as an ended session does
 * (4001), and any other token is refused with a 401 problem before the upgrade.
 */
final class BridgeStandIn {

    private BridgeStandIn() {
    }

    static void answer(HttpServerRequest request) {
        if (!"good".equals(request.getParam("token"))) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"The connect token has been used already.\"}");
            return;
        }
        String forwardedFor = request.getHeader("X-Forwarded-For");
        request.toWebSocket().onSuccess(socket -> {
            socket.writeTextMessage("forwarded-for " + forwardedFor);
            socket.binaryMessageHandler(message -> socket.writeBinaryMessage(Buffer.buffer("echo:").appendBuffer(message)));
            socket.textMessageHandler(text -> {
                if (text.equals("end")) {
                    socket.close((short) 4001, "the session ended");
                }
            });
        });
    }
}
