package fi.sd.desktop.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.permit.PermitGranted;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The list the gateway's project overview reads: filtered by project and status, paged, members only. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class WorkspaceListTest {

    @Test
    void filtersByProjectAndStatusPagesAndShowsMembersOnlyTheirOwn() {
        String projectId = "proj-" + UUID.randomUUID();
        PermitGranted first = WorkspaceApi.granted(UUID.randomUUID().toString(), projectId);
        PermitGranted second = WorkspaceApi.granted(UUID.randomUUID().toString(), projectId);
        TestEvents.publish(first);
        TestEvents.publish(second);
        WorkspaceApi.awaitStatus(first.permitId(), "READY");
        WorkspaceApi.awaitStatus(second.permitId(), "READY");

        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("projectId", projectId)
                .when().get("/api/v1/workspaces")
                .then().statusCode(200).header("X-Total-Count", "2").body("projectId", contains(projectId, projectId));
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("projectId", projectId).queryParam("size", 1)
                .when().get("/api/v1/workspaces")
                .then().statusCode(200).header("X-Total-Count", "2").header("Link", containsString("rel=\"next\"")).body("$", hasSize(1));
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("projectId", projectId).queryParam("status", "LOCKED")
                .when().get("/api/v1/workspaces")
                .then().statusCode(200).header("X-Total-Count", "0").body("$", empty());
        // As in every service, an enum filter matches without regard to case.
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("projectId", projectId).queryParam("status", "ready")
                .when().get("/api/v1/workspaces")
                .then().statusCode(200).header("X-Total-Count", "2");
        given().header("Authorization", TestTokens.user("aino.virtanen", "researcher").bearer()).queryParam("projectId", projectId)
                .when().get("/api/v1/workspaces")
                .then().statusCode(200).body("$", hasSize(2));
        given().header("Authorization", TestTokens.user("stranger", "researcher").bearer()).queryParam("projectId", projectId)
                .when().get("/api/v1/workspaces")
                .then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void anUnknownStatusOrBadPageIsA400Problem() {
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("status", "OPEN")
                .when().get("/api/v1/workspaces")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("OPEN"));
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("projectId", "no spaces")
                .when().get("/api/v1/workspaces")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("projectId"));
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("size", 0)
                .when().get("/api/v1/workspaces")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("status", "READY")
                .when().get("/api/v1/workspaces")
                .then().statusCode(200).body("status.unique()", is(java.util.List.of("READY")));
    }
}
