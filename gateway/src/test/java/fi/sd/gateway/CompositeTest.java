package fi.sd.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway's own answers: the caller, a project's overview, the merged OpenAPI document, readiness. */
@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class CompositeTest {

    /** On the management interface, whose root is {@code /q}. */
    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @Test
    void meTellsWhoTheCallerIs() {
        given().header("Authorization", TestTokens.user("mikko", "researcher", "project-member").org("HY").mfa().bearer())
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("userId", equalTo("mikko"))
                .body("roles", containsInAnyOrder("researcher", "project-member"))
                .body("org", equalTo("HY"))
                .body("mfa", equalTo(true));
        given().when().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theOverviewAsksEachServiceWithTheCallersOwnToken() {
        String token = TestTokens.user("overview.reader", "researcher").bearer();
        given().header("Authorization", token).header("X-Request-Id", "overview-1")
                .when().get("/api/v1/projects/proj-1/overview")
                .then().statusCode(200)
                .body("projectId", equalTo("proj-1"))
                .body("permits.available", equalTo(true))
                .body("permits.items.service", equalTo("permit-service"))
                .body("permits.items.path", equalTo("/api/v1/permits"))
                .body("permits.items.query", equalTo("projectId=proj-1&size=200"))
                .body("permits.items.headers.authorization", equalTo(token))
                .body("permits.items.headers.x-request-id", equalTo("overview-1"))
                .body("applications.items.service", equalTo("apply-service"))
                .body("applications.items.query", equalTo("projectId=proj-1"))
                .body("workspaces.items.service", equalTo("desktop-service"))
                .body("workspaces.items.headers.authorization", equalTo(token));
    }

    @Test
    void aPartWhoseServiceIsDownIsMarkedAndTheRestStillAnswers() {
        EchoUpstreams.stop("apply-service");
        try {
            given().header("Authorization", TestTokens.user("overview.partial", "researcher").bearer())
                    .when().get("/api/v1/projects/proj-2/overview")
                    .then().statusCode(200)
                    .body("applications.available", equalTo(false))
                    .body("applications.service", equalTo("apply-service"))
                    .body("permits.available", equalTo(true))
                    .body("permits.items.service", equalTo("permit-service"))
                    .body("workspaces.available", equalTo(true));
        } finally {
            EchoUpstreams.restart("apply-service");
        }
    }

    @Test
    void aMalformedProjectIdIsABadRequest() {
        given().header("Authorization", TestTokens.user("overview.bad", "researcher").bearer())
                .when().get("/api/v1/projects/{id}/overview", "a b;c")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://sd.fi/problems/validation")).body("title", equalTo("Invalid request"))
                .body("errors[0].field", equalTo("projectId"));
    }

    @Test
    void theOpenApiDocumentHoldsEveryServicesPaths() {
        Map<String, Object> paths = given().when().get("/api/v1/openapi")
                .then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("x-sd-unavailable", empty())
                .body("components.schemas", hasKey("permit-service-Thing"))
                .body("components.schemas", hasKey("apply-service-Thing"))
                .body("components.schemas", hasKey("desktop-service-Thing"))
                .extract().path("paths");
        EchoUpstreams.PATHS.values().stream().flatMap(List::stream).forEach(path ->
                org.assertj.core.api.Assertions.assertThat(paths).containsKey(path));
    }

    @Test
    void theOpenApiDocumentHoldsTheGatewaysOwnOperationsWithTheirSchemas() {
        given().when().get("/api/v1/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/me'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/GatewayCaller"))
                .body("paths.'/api/v1/projects/{projectId}/overview'.get.parameters[0].name", equalTo("projectId"))
                .body("paths.'/api/v1/openapi'.get.operationId", equalTo("openapi"))
                .body("components.schemas", hasKey("GatewayProjectOverview"))
                .body("components.schemas", hasKey("GatewayOverviewPart"))
                .body("components.securitySchemes", hasKey("SecurityScheme"));
    }

    @Test
    void theOpenApiDocumentNamesAServiceItCouldNotAsk() {
        EchoUpstreams.stop("desktop-service");
        try {
            given().when().get("/api/v1/openapi")
                    .then().statusCode(200)
                    .body("x-sd-unavailable", equalTo(List.of("desktop-service")))
                    .body("paths", hasKey("/api/v1/permits"));
        } finally {
            EchoUpstreams.restart("desktop-service");
        }
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/api/v1/openapi"));
    }

    @Test
    void readyOnlyWhenEveryServiceIsReady() {
        given().when().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
        EchoUpstreams.stop("permit-service");
        try {
            given().when().get(readiness).then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.data.permit-service", hasItem("DOWN"));
        } finally {
            EchoUpstreams.restart("permit-service");
        }
    }
}
