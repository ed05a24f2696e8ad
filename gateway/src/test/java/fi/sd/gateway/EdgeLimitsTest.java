package fi.sd.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The token check, the limits and the failure answers at the edge (limits as set by {@link EchoUpstreams}). */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class EdgeLimitsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aMissingTokenIsUnauthorized() {
        given().when().get("/api/v1/permits")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://sd.fi/problems/unauthenticated")).body("title", equalTo("Unauthenticated"))
                .body("status", equalTo(401)).body("requestId", notNullValue()).body("instance", equalTo("/api/v1/permits"));
    }

    @Test
    void anExpiredForeignSignedOrMisaddressedTokenIsUnauthorized() {
        for (String token : List.of(
                TestTokens.user("aino", "researcher").expired().bearer(),
                TestTokens.user("aino", "researcher").foreignSigned().bearer(),
                TestTokens.user("aino", "researcher").issuer("https://elsewhere.test").bearer(),
                TestTokens.user("aino", "researcher").audience("another-api").bearer(),
                "Bearer not.a.token",
                "Basic YWlubzpzZWNyZXQ=")) {
            given().header("Authorization", token).when().get("/api/v1/workspaces")
                    .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
        }
    }

    @Test
    void aCallerOverTheRateLimitIsToldWhenToRetry() {
        String token = TestTokens.user("rate.limited", "researcher").bearer();
        // The test bucket holds 40 requests and refills 5 a second: the first 30 pass whatever the pace.
        List<Integer> passed = new ArrayList<>();
        ExtractableResponse<Response> refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            ExtractableResponse<Response> answer = given().header("Authorization", token).when().get("/api/v1/catalogue").then().extract();
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                passed.add(answer.statusCode());
            }
        }
        assertThat(passed).hasSizeGreaterThanOrEqualTo(30).containsOnly(200);
        assertThat(refused).isNotNull();
        assertThat(refused.contentType()).isEqualTo(PROBLEM);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.path("status").toString()).isEqualTo("429");
        // Another caller has a bucket of its own.
        given().header("Authorization", TestTokens.user("someone.else", "researcher").bearer()).when().get("/api/v1/catalogue")
                .then().statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String token = TestTokens.user("big.body", "researcher").bearer();
        byte[] body = new byte[65 * 1024];
        given().header("Authorization", token).contentType("application/octet-stream").body(body)
                .when().post("/api/v1/workspaces/w-1/imports")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        given().header("Authorization", token).contentType("application/octet-stream").body(new ByteArrayInputStream(body))
                .when().post("/api/v1/workspaces/w-1/imports")
                .then().statusCode(413).contentType(PROBLEM);
        given().header("Authorization", token).contentType("application/octet-stream").body(new byte[1024])
                .when().post("/api/v1/workspaces/w-1/imports")
                .then().statusCode(200);
    }

    @Test
    void aMalformedContentLengthIsABadRequestNotTooLarge() throws IOException {
        String token = TestTokens.user("odd.length", "researcher").bearer();
        for (String length : List.of("12abc", "-5", "1e3", "99999999999999999999")) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.getOutputStream().write(("POST /api/v1/workspaces/w-1/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + token + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{}")
                        .getBytes(StandardCharsets.US_ASCII));
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertThat(statusLine).as("Content-Length: " + length).startsWith("HTTP/1.1 400");
            }
        }
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAGatewayTimeout() {
        given().header("Authorization", TestTokens.user("slow.path", "researcher").bearer()).queryParam("delayMs", 10_000)
                .when().get("/api/v1/entitlements")
                .then().statusCode(504).contentType(PROBLEM).body("status", equalTo(504));
    }

    @Test
    void aServiceThatDropsTheConnectionIsABadGateway() {
        given().header("Authorization", TestTokens.user("broken.answer", "researcher").bearer()).queryParam("breakAnswer", "yes")
                .when().get("/api/v1/exports/e-1")
                .then().statusCode(502).contentType("application/problem+json");
    }

    @Test
    void aStoppedServiceIsUnavailableAndComesBackAfterTheBreakerOpensAgain() {
        String token = TestTokens.user("outage.watcher", "researcher").bearer();
        EchoUpstreams.stop("desktop-service");
        try {
            for (int i = 0; i < 5; i++) {
                given().header("Authorization", token).when().get("/api/v1/workspaces")
                        .then().statusCode(503).contentType(PROBLEM)
                        .header("Retry-After", notNullValue())
                        .body("detail", org.hamcrest.Matchers.containsString("desktop-service"));
            }
            // The other services are not affected.
            given().header("Authorization", token).when().get("/api/v1/permits").then().statusCode(200);
        } finally {
            EchoUpstreams.restart("desktop-service");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("Authorization", token).when().get("/api/v1/workspaces").then().statusCode(200));
    }

    @Test
    void aConfiguredFrontEndMayCallAcrossOrigins() {
        given().header("Origin", "https://portal.sd.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .when().options("/api/v1/permits")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://portal.sd.test")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/permits")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
