package fi.sd.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Scenario 1, the Findata route, through the gateway as front ends use it: permit → workspace ready →
 * release → dataset mounted → desktop running → MFA session → export approved by a second person →
 * permit expires → workspace locked, session refused → purged after the (short, configured) retention.
 */
class FindataRouteIT extends SystemTest {

    private static final Duration FLOW = Duration.ofSeconds(60);

    @Test
    void fromPermitToPurge() {
        String project = "findata-" + UUID.randomUUID();
        String permitId = api.grantFindataPermit(project, system.today().plusDays(30));
        String workspaceId = Flows.awaitWorkspace(api, project, "READY");

        String releaseId = Releases.deliver(api::asFindata, permitId, "thl-avohilmo", Releases.visits());
        await().atMost(FLOW).untilAsserted(() -> api.as(Api.RESEARCHER, "researcher").get("/workspaces/{id}", workspaceId)
                .then().statusCode(200).body("datasets.releaseId", hasItem(releaseId))
                .body("datasets.find { it.releaseId == '" + releaseId + "' }.mountPath", is("/data/thl-avohilmo/" + releaseId))
                .body("datasets.find { it.releaseId == '" + releaseId + "' }.readOnly", is(true)));

        String desktopId = Flows.runningDesktop(api, workspaceId);
        String sessionId = api.withMfa(Api.RESEARCHER, "researcher").post("/desktops/{id}/sessions", desktopId)
                .then().statusCode(201).body("connectUrl", startsWith(system.gatewayUrl().replace("127.0.0.1", "localhost") + "/desktop/connect/"))
                .extract().path("sessionId");

        String exportId = Flows.requestExport(() -> api.as(Api.RESEARCHER, "researcher"), workspaceId,
                Flows.export(system, workspaceId, "LOW")).extract().path("id");
        // The requester is not a second person: refused; a service-desk reviewer approves.
        api.as(Api.RESEARCHER, "researcher", "service-desk").body(Map.of("comment", "Looks fine to me"))
                .post("/exports/{id}/approve", exportId).then().statusCode(403);
        api.as(Api.SERVICE_DESK, "service-desk").body(Map.of("comment", "Aggregates only, n >= 5"))
                .post("/exports/{id}/approve", exportId).then().statusCode(200);
        api.as(Api.RESEARCHER, "researcher").get("/exports/{id}", exportId).then().statusCode(200).body("status", is("APPROVED"));

        // The permit runs out: the workspace locks, the session ends, and no new one starts.
        system.advanceClock(Duration.ofDays(31));
        Flows.awaitWorkspaceStatus(api, workspaceId, "LOCKED");
        // 31 days idle (and past its sign-in) would have expired it anyway; either way it is over, and audited as it ended.
        String sessionEnd = api.as(Api.RESEARCHER, "researcher").get("/sessions/{id}", sessionId).then().statusCode(200)
                .body("status", oneOf("CLOSED", "EXPIRED")).extract().path("status");
        api.withMfa(Api.RESEARCHER, "researcher").post("/desktops/{id}/sessions", desktopId).then().statusCode(409);

        // The end-to-end system runs with a retention of seconds: the purge follows, and is audited.
        Flows.awaitWorkspaceStatus(api, workspaceId, "PURGED");
        api.as("auditor.anna", "auditor").queryParam("workspaceId", workspaceId).get("/audit").then().statusCode(200)
                .body("action", hasItems("session.opened", "export.approved", "workspace.locked", "session." + sessionEnd.toLowerCase(Locale.ROOT),
                        "desktop.stopped", "workspace.purged", "desktop.deleted"));
        api.as("auditor.anna", "auditor").get("/audit/verify").then().statusCode(200).body("valid", is(true));
    }
}
