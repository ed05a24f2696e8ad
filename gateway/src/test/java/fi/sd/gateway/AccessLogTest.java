package fi.sd.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class AccessLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger accessLog = Logger.getLogger("fi.sd.gateway.access");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        accessLog.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        accessLog.removeHandler(capture);
    }

    @Test
    void oneLinePerRequestWithoutTheTokenOrThePersonAskedAbout() {
        String token = TestTokens.user("log.checker", "auditor").sign();
        given().header("Authorization", "Bearer " + token).header("X-Request-Id", "log-check-1")
                .queryParam("actor", "aino.virtanen")
                .when().get("/api/v1/audit").then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("requestId=log-check-1")));
        String line = lines.stream().filter(l -> l.contains("requestId=log-check-1")).findFirst().orElseThrow();
        assertThat(line).contains("subject=log.checker", "method=GET", "path=/api/v1/audit", "status=200", "latencyMs=")
                .doesNotContain(token).doesNotContain("aino.virtanen");
    }

    @Test
    void aRefusedRequestIsLoggedToo() {
        given().header("X-Request-Id", "log-check-2").when().get("/api/v1/permits").then().statusCode(401);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("requestId=log-check-2")));
        assertThat(lines.stream().filter(l -> l.contains("requestId=log-check-2")).findFirst().orElseThrow())
                .contains("subject=-", "status=401");
    }
}
