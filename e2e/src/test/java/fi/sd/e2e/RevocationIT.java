package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Scenario 3: revoking a register permit ends its desktop sessions and its entitlements and locks its
 * workspace within seconds, as seen through the gateway.
 */
class RevocationIT extends SystemTest {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(5);

    @Test
    void revokingAPermitEndsSessionsAndEntitlementsAndLocksTheWorkspaceWithinSeconds() {
        RegisterProject project = new RegisterProject(api, system, "revocation").approvedAndReleased();
        await("the release is mounted for the applicant").atMost(RegisterProject.ASYNC)
                .untilAsserted(() -> assertThat(project.mountedDatasets(project.applicant)).containsExactly(project.datasetId));
        String workspaceId = Flows.awaitWorkspace(api, project.projectId, "READY");
        String desktopId = Flows.runningDesktop(api, workspaceId, project.applicant);
        String sessionId = api.withMfa(project.applicant, "researcher").post("/desktops/{id}/sessions", desktopId)
                .then().statusCode(201).extract().path("sessionId");

        project.asController().body(Map.of("reason", "Data used beyond the permit's purpose."))
                .post("/permits/{id}/revocation", project.permitId).then().statusCode(200).body("status", is("REVOKED"));

        await("the workspace is locked").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> api.as("service.desk", "service-desk").get("/workspaces/{id}", workspaceId)
                        .then().statusCode(200).body("status", is("LOCKED")));
        await("the session has ended").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> api.as(project.applicant, "researcher").get("/sessions/{id}", sessionId)
                        .then().statusCode(200).body("status", is("CLOSED")));
        api.withMfa(project.applicant, "researcher").post("/desktops/{id}/sessions", desktopId).then().statusCode(409);
        await("the entitlements have ended").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> project.asController().queryParam("permitId", project.permitId).get("/entitlements")
                        .then().statusCode(200).body("active", everyItem(equalTo(false)))
                        .body("endReason", everyItem(equalTo("PERMIT_REVOKED"))));
    }
}
