package fi.sd.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/**
 * What every service offers operations, checked in each service by a subclass annotated
 * {@code @QuarkusTest @WithTestResource(ServiceTestEnvironment.class)}: health with the database
 * and the broker, the OpenAPI document, Swagger UI and the Prometheus metrics of the event flow.
 */
public abstract class ServiceOperationsContract {

    @Inject
    Clock clock;

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
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void isLiveWithItsEventConsumer() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("checks.name", hasItems("event-consumer"));
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void exposesTheEventFlowMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("sd_outbox_backlog"));
    }
}
