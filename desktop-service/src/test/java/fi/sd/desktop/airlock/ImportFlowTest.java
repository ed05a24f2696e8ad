package fi.sd.desktop.airlock;

import static fi.sd.desktop.airlock.Airlock.AINO;
import static fi.sd.desktop.airlock.Airlock.AINO_AT_DESK;
import static fi.sd.desktop.airlock.Airlock.DESK;
import static fi.sd.desktop.airlock.Airlock.MIKKO;
import static fi.sd.desktop.airlock.Airlock.OUTSIDER;
import static fi.sd.desktop.airlock.Airlock.decide;
import static fi.sd.desktop.airlock.Airlock.get;
import static fi.sd.desktop.airlock.Airlock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.desktop.DesktopEvents;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.EventType;
import fi.sd.events.desktop.ImportCompleted;
import fi.sd.events.desktop.ImportRequested;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Imports: a member asks, only the service desk approves and brings the software or data in. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ImportFlowTest {

    @Test
    void aMemberAsksAndTheServiceDeskApprovesAndCompletes() {
        Airlock.Opened workspace = Airlock.open();
        String id = post(AINO, "/api/v1/workspaces/" + workspace.workspaceId() + "/imports",
                Map.of("kind", "SOFTWARE", "description", "R package lme4 1.1-35"))
                .statusCode(201).body("status", is("SUBMITTED")).body("requestedBy", is("aino.virtanen"))
                .body("permitId", is(workspace.permitId())).extract().path("id");
        JsonNode requested = DesktopEvents.awaitOnly(EventType.ofPayloadType(ImportRequested.class), "importId", id,
                workspace.permitId(), workspace.workspaceId());
        assertThat(requested.get("kind").asText()).isEqualTo("SOFTWARE");
        assertThat(requested.get("description").asText()).isEqualTo("R package lme4 1.1-35");

        decide(DESK, "imports", id, "approve", "Compatible with the image").statusCode(200).body("status", is("APPROVED"));
        decide(DESK, "imports", id, "complete").statusCode(200).body("status", is("COMPLETED"))
                .body("decisions.action", is(List.of("approve", "complete")))
                .body("decisions[0].actor", is("desk.dan")).body("decisions[0].role", is("service-desk"))
                .body("decisions[0].comment", is("Compatible with the image")).body("decisions[1].comment", nullValue());
        JsonNode completed = DesktopEvents.awaitOnly(EventType.ofPayloadType(ImportCompleted.class), "importId", id,
                workspace.permitId(), workspace.workspaceId());
        assertThat(completed.get("actor").asText()).isEqualTo("desk.dan");

        get(MIKKO, "/api/v1/imports/" + id).statusCode(200).body("status", is("COMPLETED"));
        get(WorkspaceApi.AUDITOR, "/api/v1/workspaces/" + workspace.workspaceId() + "/imports").statusCode(200)
                .header("X-Total-Count", "1").body("id", hasItem(id));
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("import.requested", "import.approved", "import.completed");
    }

    @Test
    void researchersCannotDecideAndNothingHappensOutOfTurn() {
        Airlock.Opened workspace = Airlock.open();
        String id = post(AINO, "/api/v1/workspaces/" + workspace.workspaceId() + "/imports",
                Map.of("kind", "DATA", "description", "Municipality codes 2026")).statusCode(201).extract().path("id");

        decide(MIKKO, "imports", id, "approve").statusCode(403);
        decide(AINO, "imports", id, "approve").statusCode(403);
        decide(AINO_AT_DESK, "imports", id, "approve").statusCode(403).body("detail", containsString("Two-person rule"));
        decide(MIKKO, "imports", id, "cancel").statusCode(403);
        decide(DESK, "imports", id, "complete").statusCode(409).body("type", is("https://sd.fi/problems/conflict"));
        decide(DESK, "imports", id, "reject").statusCode(400).body("errors.field", hasItem("comment"));
        decide(DESK, "imports", id, "teleport").statusCode(404);

        decide(DESK, "imports", id, "reject", "Not covered by the permit").statusCode(200).body("status", is("REJECTED"))
                .body("decisions[0].comment", is("Not covered by the permit"));
        decide(DESK, "imports", id, "approve").statusCode(409);
        DesktopEvents.assertNone(EventType.ofPayloadType(ImportCompleted.class), "importId", id);
    }

    @Test
    void theRequesterMayWithdrawUntilTheServiceDeskDecides() {
        Airlock.Opened workspace = Airlock.open();
        String path = "/api/v1/workspaces/" + workspace.workspaceId() + "/imports";
        String withdrawn = post(AINO, path, Map.of("kind", "DATA", "description", "Codes")).statusCode(201).extract().path("id");
        decide(AINO, "imports", withdrawn, "cancel", "Found them inside").statusCode(200).body("status", is("CANCELLED"))
                .body("decisions[0].role", is("requester"));

        String approved = post(AINO, path, Map.of("kind", "SOFTWARE", "description", "Stata 18")).statusCode(201).extract().path("id");
        decide(DESK, "imports", approved, "approve").statusCode(200);
        decide(AINO, "imports", approved, "cancel").statusCode(409);
        decide(DESK, "imports", approved, "fail", "Licence server unreachable").statusCode(200).body("status", is("FAILED"));
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("import.requested", "import.cancelled", "import.requested",
                "import.approved", "import.failed");
    }

    @Test
    void onlyMembersAskAndOthersSeeNothing() {
        Airlock.Opened workspace = Airlock.open();
        String path = "/api/v1/workspaces/" + workspace.workspaceId() + "/imports";
        Map<String, String> body = Map.of("kind", "DATA", "description", "Codes");
        post(OUTSIDER, path, body).statusCode(404);
        post(DESK, path, body).statusCode(403);
        post(AINO, path, Map.of("kind", "MUSIC", "description", "")).statusCode(400);
        post(AINO, path, Map.of("description", "x".repeat(4001))).statusCode(400)
                .body("errors.field", hasItem("description")).body("errors.field", hasItem("kind"));

        String id = post(AINO, path, body).statusCode(201).extract().path("id");
        get(OUTSIDER, "/api/v1/imports/" + id).statusCode(404);
        get(OUTSIDER, path).statusCode(404);
        decide(OUTSIDER, "imports", id, "approve").statusCode(404);
        get(Airlock.AUTHORITY, "/api/v1/imports/" + id).statusCode(404);
        get(AINO, path).statusCode(200).body("", hasSize(1));
    }
}
