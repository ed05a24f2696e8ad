package fi.sd.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health and metrics only on the management port; on the public port they are a 404 problem, while Swagger UI stays public. */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class ManagementInterfaceTest {

    /** The management interface's root, {@code /q/}, on its own port. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/openapi"})
    void thePublicPortServesNoManagementEndpoint(String path) {
        given().when().get(path)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("instance", equalTo(path));
    }

    @Test
    void theManagementPortServesHealthAndMetrics() {
        given().baseUri(management.toString()).when().get("metrics")
                .then().statusCode(200).body(containsString("http_server_requests_seconds"));
        given().baseUri(management.toString()).when().get("health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void swaggerUiStaysOnThePublicPort() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri(management.toString()).when().get("swagger-ui/").then().statusCode(404);
    }
}
