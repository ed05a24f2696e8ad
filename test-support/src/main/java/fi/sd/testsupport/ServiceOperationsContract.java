package fi.sd.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every service offers operations, checked in each service by a subclass annotated
 * {@code @QuarkusTest @WithTestResource(ServiceTestEnvironment.class)}: health with the database
 * and the broker, the OpenAPI document, Swagger UI and the Prometheus metrics of the event flow, all on
 * the management port and none of them on the port that serves the API.
 */
public abstract class ServiceOperationsContract {

    @Inject
    Clock clock;

    /** The management interface's root, {@code /q/}, on its own port. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** Time-driven tests (expiry, retention, entitlement ends) are only meaningful on the movable clock. */
    @Test
    void runsOnTheMovableTestClock() {
        Duration before = Duration.between(Instant.now(), clock.instant());
        TestClock.INSTANCE.advance(Duration.ofMinutes(1));
        try {
            assertThat(Duration.between(Instant.now(), clock.instant()).minus(before))
                    .isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
        } finally {
            TestClock.INSTANCE.reset();
        }
    }

    @Test
    void isReadyWithItsDatabaseAndTheBroker() {
        given().baseUri(management.toString()).when().get("health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void isLiveWithItsEventConsumer() {
        given().baseUri(management.toString()).when().get("health/live")
                .then().statusCode(200)
                .body("checks.name", hasItems("event-consumer"));
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() {
        given().baseUri(management.toString()).when().get("openapi?format=json").then().statusCode(200)
                .body("openapi", containsString("3."));
        given().baseUri(management.toString()).when().get("swagger-ui/").then().statusCode(200);
    }

    @Test
    void exposesTheEventFlowMetrics() {
        given().baseUri(management.toString()).when().get("metrics")
                .then().statusCode(200)
                .body(containsString("sd_outbox_backlog"));
    }

    @Test
    void servesNoManagementEndpointOnTheApiPort() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/swagger-ui/")) {
            given().when().get(path).then().statusCode(404);
        }
    }
}
