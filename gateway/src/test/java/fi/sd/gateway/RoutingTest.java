package fi.sd.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class RoutingTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/permits, permit-service",
            "/api/v1/permits/p-1/versions/2, permit-service",
            "/api/v1/public/permits, permit-service",
            "/api/v1/catalogue, apply-service",
            "/api/v1/applications/a-1/submit, apply-service",
            "/api/v1/entitlements, apply-service",
            "/api/v1/permissions/aino, apply-service",
            "/api/v1/workspaces/w-1, desktop-service",
            "/api/v1/desktops/d-1/pause, desktop-service",
            "/api/v1/sessions/s-1, desktop-service",
            "/api/v1/imports/i-1/approve, desktop-service",
            "/api/v1/exports/e-1, desktop-service",
            "/api/v1/audit/verify, desktop-service"})
    void everyPathFamilyReachesItsService(String path, String service) {
        given().when().get(path)
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("path", equalTo(path));
    }

    @Test
    void methodQueryBodyAndAuthorizationArePassedOn() {
        given().header("Authorization", "Bearer abc.def.ghi").contentType("application/json").body("{\"reason\":\"x\"}")
                .queryParam("status", "ACTIVE")
                .when().post("/api/v1/permits/p-1/revocation")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("query", equalTo("status=ACTIVE"))
                .body("headers.authorization", equalTo("Bearer abc.def.ghi"))
                .body("body", equalTo("{\"reason\":\"x\"}"));
    }

    @Test
    void aPathNoServiceOwnsIsNotFound() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404);
        given().when().get("/api/v1/permitsandmore").then().statusCode(404);
    }
}
