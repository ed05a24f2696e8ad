package fi.sd.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fi.sd.testsupport.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class RoutingTest {

    private static final String TOKEN = TestTokens.user("routing.user", "researcher").bearer();

    @Inject
    InMemorySpanExporter spans;

    @ParameterizedTest
    @CsvSource({
            "/api/v1/permits, permit-service",
            "/api/v1/permits/p-1/versions/2, permit-service",
            "/api/v1/catalogue, apply-service",
            "/api/v1/applications/a-1/submit, apply-service",
            "/api/v1/entitlements, apply-service",
            "/api/v1/permissions/aino, apply-service",
            "/api/v1/workspaces/w-1, desktop-service",
            "/api/v1/desktops/d-1/pause, desktop-service",
            "/api/v1/sessions/s-1, desktop-service",
            "/api/v1/imports/i-1/approve, desktop-service",
            "/api/v1/exports/e-1, desktop-service",
            "/api/v1/exports/e-1/files/results/table1.csv, desktop-service",
            "/api/v1/export-downloads/t-1, desktop-service",
            "/api/v1/audit/verify, desktop-service"})
    void everyPathFamilyReachesItsService(String path, String service) {
        given().header("Authorization", TOKEN).when().get(path)
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("path", equalTo(path));
    }

    @Test
    void publicPathsAndTheSigningKeysNeedNoToken() {
        given().when().get("/api/v1/public/permits/p-1")
                .then().statusCode(200).body("service", equalTo("permit-service"));
        given().when().get("/.well-known/jwks.json")
                .then().statusCode(200).body("service", equalTo("apply-service"));
    }

    @Test
    void methodQueryBodyAndAuthorizationArePassedOn() {
        given().header("Authorization", TOKEN).contentType("application/json").body("{\"reason\":\"x\"}")
                .queryParam("status", "ACTIVE")
                .when().post("/api/v1/permits/p-1/revocation")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("query", equalTo("status=ACTIVE"))
                .body("headers.authorization", equalTo(TOKEN))
                .body("body", equalTo("{\"reason\":\"x\"}"));
    }

    @Test
    void aChunkedBodyIsPassedOnWithItsLength() {
        // A stream of unknown length is sent chunked.
        given().header("Authorization", TOKEN).contentType("application/json")
                .body(new ByteArrayInputStream("{\"name\":\"analysis\"}".getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/workspaces/w-1/desktops")
                .then().statusCode(200)
                .body("body", equalTo("{\"name\":\"analysis\"}"))
                .body("headers.content-length", equalTo("19"));
    }

    @Test
    void hopByHopHeadersAreDropped() {
        given().header("Authorization", TOKEN).header("Connection", "keep-alive, X-Secret-Hop")
                .header("X-Secret-Hop", "only for the gateway").header("Proxy-Authorization", "Basic eA==")
                .header("X-Kept", "end to end")
                .when().get("/api/v1/permits/p-1")
                .then().statusCode(200)
                .body("headers.x-secret-hop", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.x-kept", equalTo("end to end"));
    }

    @Test
    void theRequestIdIsKeptAndEchoed() {
        given().header("Authorization", TOKEN).header("X-Request-Id", "front-end-42")
                .when().get("/api/v1/permits/p-1")
                .then().statusCode(200)
                .header("X-Request-Id", "front-end-42")
                .body("headers.x-request-id", equalTo("front-end-42"));
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedByANewOne() {
        String id = given().header("Authorization", TOKEN).header("X-Request-Id", "bad id\twith spaces")
                .when().get("/api/v1/permits/p-1")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().header("Authorization", TOKEN).when().get("/api/v1/permits/p-1")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}")).header("X-Request-Id", not(equalTo(id)));
    }

    @Test
    void theCallersTraceContinuesThroughTheGatewaysProxySpanToTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String incoming = "00-" + traceId + "-00f067aa0ba902b7-01";
        String forwarded = given().header("Authorization", TOKEN).header("traceparent", incoming)
                .when().get("/api/v1/permits/p-1")
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern("00-" + traceId + "-[0-9a-f]{16}-01"))
                .extract().path("headers.traceparent");
        String proxySpanId = forwarded.split("-")[2];

        // The service's parent is the gateway's client span, whose parent is its server span, whose parent is the caller's.
        SpanData proxy = awaitSpan(proxySpanId);
        assertThat(proxy.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(proxy.getTraceId()).isEqualTo(traceId);
        SpanData server = awaitSpan(proxy.getParentSpanId());
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");

        given().header("Authorization", TOKEN).when().get("/api/v1/permits/p-1")
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .body("headers.traceparent", not(startsWith("00-" + traceId)));
    }

    private SpanData awaitSpan(String spanId) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream().filter(s -> s.getSpanId().equals(spanId)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().header("Authorization", TOKEN).when().get("/api/v1/permits/p-1")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Strict-Transport-Security", startsWith("max-age="))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", startsWith("default-src 'none'"));
    }

    @Test
    void aPathNoServiceOwnsIsAProblem() {
        given().header("Authorization", TOKEN).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().header("Authorization", TOKEN).when().get("/api/v1/permitsandmore")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPathOutsideTheApiIsAProblemTooAndWhatIsServedThereStillIs() {
        for (String path : new String[] {"/", "/index.html", "/api/v2/permits", "/q/nothing-here"}) {
            given().when().get(path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("https://sd.fi/problems/not-found"))
                    .body("instance", equalTo(path))
                    .body("requestId", matchesPattern(".+"));
        }
        given().when().get("/api/v1/openapi").then().statusCode(200).body("openapi", equalTo("3.1.0"));
        given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
    }
}
