package fi.sd.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * Health and metrics only on each process's management port: the port the gateway exposes to users answers a 404
 * problem, the services' API ports a 404, and the gateway still merges every service's OpenAPI document, which it
 * fetches from their management ports.
 */
class ManagementPortIT extends SystemTest {

    @Test
    void theGatewaysPublicPortHidesMetricsAndHealthWhileItsManagementPortServesThem() {
        ServiceProcess gateway = system.service(E2eSystem.GATEWAY);
        for (String path : new String[] {"/q/metrics", "/q/health/ready", "/q/health/live"}) {
            given().baseUri(gateway.url()).get(path)
                    .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        }
        given().baseUri(gateway.managementUrl()).get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().baseUri(gateway.managementUrl()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(gateway.url()).get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void eachServiceServesMetricsOnlyOnItsManagementPort() {
        for (ServiceProcess service : system.services()) {
            if (service.service().equals(E2eSystem.GATEWAY)) {
                continue;
            }
            given().baseUri(service.url()).get("/q/metrics").then().statusCode(404);
            given().baseUri(service.url()).get("/q/openapi").then().statusCode(404);
            given().baseUri(service.managementUrl()).get("/q/metrics").then().statusCode(200).body(containsString("sd_outbox_backlog"));
        }
    }

    @Test
    void theMergedOpenApiDocumentReachesEveryServicesManagementPort() {
        given().baseUri(system.gatewayUrl()).get("/api/v1/openapi").then().statusCode(200).body("x-sd-unavailable", empty());
    }
}
