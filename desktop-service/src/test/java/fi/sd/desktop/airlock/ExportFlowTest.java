package fi.sd.desktop.airlock;

import static fi.sd.desktop.airlock.Airlock.AINO;
import static fi.sd.desktop.airlock.Airlock.AINO_AT_DESK;
import static fi.sd.desktop.airlock.Airlock.AUTHORITY;
import static fi.sd.desktop.airlock.Airlock.DESK;
import static fi.sd.desktop.airlock.Airlock.DESK_TOO;
import static fi.sd.desktop.airlock.Airlock.MIKKO;
import static fi.sd.desktop.airlock.Airlock.SHA;
import static fi.sd.desktop.airlock.Airlock.decide;
import static fi.sd.desktop.airlock.Airlock.get;
import static fi.sd.desktop.airlock.Airlock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.desktop.DesktopEvents;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.EventType;
import fi.sd.events.desktop.ExportApproved;
import fi.sd.events.desktop.ExportRejected;
import fi.sd.events.desktop.ExportRequested;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Export review under the two-person rule, with the permit authority's approval for high-risk results. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ExportFlowTest {

    private static final EventType REQUESTED = EventType.ofPayloadType(ExportRequested.class);
    private static final EventType APPROVED = EventType.ofPayloadType(ExportApproved.class);
    private static final EventType REJECTED = EventType.ofPayloadType(ExportRejected.class);

    @Test
    void aLowRiskExportIsApprovedByAServiceDeskReviewerWhoIsNotTheRequester() {
        Airlock.Opened workspace = Airlock.open();
        String id = Airlock.submitExport(workspace, Airlock.lowRiskExport("Results/table1.csv"));
        JsonNode requested = DesktopEvents.awaitOnly(REQUESTED, "exportId", id, workspace.permitId(), workspace.workspaceId());
        assertThat(requested.get("riskLevel").asText()).isEqualTo("LOW");
        assertThat(requested.get("requestedBy").asText()).isEqualTo("aino.virtanen");
        assertThat(requested.get("files").get(0).get("path").asText()).isEqualTo("Results/table1.csv");

        decide(AINO_AT_DESK, "exports", id, "approve", "Looks fine").statusCode(403)
                .body("detail", containsString("Two-person rule"));
        decide(AINO_AT_DESK, "exports", id, "reject", "Changed my mind").statusCode(403);
        decide(MIKKO, "exports", id, "approve").statusCode(403);
        decide(AUTHORITY, "exports", id, "approve").statusCode(409);
        get(AINO, "/api/v1/exports/" + id).statusCode(200).body("status", is("SUBMITTED"))
                .body("requiredApprovals", is(List.of("service-desk")));

        decide(DESK, "exports", id, "approve", "Aggregates only").statusCode(200).body("status", is("APPROVED"))
                .body("decisions[0].actor", is("desk.dan")).body("decisions[0].role", is("service-desk"))
                .body("decisions[0].comment", is("Aggregates only")).body("decisions[0].decidedAt", notNullValue());
        JsonNode approved = DesktopEvents.awaitOnly(APPROVED, "exportId", id, workspace.permitId(), workspace.workspaceId());
        assertThat(approved.get("approvals")).hasSize(1);
        assertThat(approved.get("approvals").get(0).get("reviewer").asText()).isEqualTo("desk.dan");
        assertThat(approved.get("files").get(0).get("sha256").asText()).isEqualTo(Airlock.sha256(Airlock.result("Results/table1.csv")));

        decide(DESK_TOO, "exports", id, "approve").statusCode(409);
        decide(AINO, "exports", id, "cancel").statusCode(409);
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("export.requested", "export.review.refused",
                "export.review.refused", "export.approval.given", "export.approved");
        get(WorkspaceApi.AUDITOR, "/api/v1/audit/verify").statusCode(200).body("valid", is(true));
    }

    @Test
    void aHighRiskExportNeedsTheServiceDeskAndThePermitAuthorityInEitherOrder() {
        Airlock.Opened workspace = Airlock.open();
        String authorityFirst = Airlock.submitExport(workspace, Airlock.highRiskExport("Results/model.rds"));
        decide(AUTHORITY, "exports", authorityFirst, "approve", "Findata: anonymous").statusCode(200).body("status", is("IN_REVIEW"));
        decide(AUTHORITY, "exports", authorityFirst, "approve").statusCode(409);
        decide(TestTokens.user("findata.pekka", "permit-authority").bearer(), "exports", authorityFirst, "approve")
                .statusCode(409);
        decide(DESK, "exports", authorityFirst, "approve").statusCode(200).body("status", is("APPROVED"))
                .body("decisions.role", is(List.of("permit-authority", "service-desk")));
        JsonNode approved = DesktopEvents.awaitOnly(APPROVED, "exportId", authorityFirst, workspace.permitId(), workspace.workspaceId());
        assertThat(approved.get("approvals")).extracting(a -> a.get("role").asText())
                .containsExactly("permit-authority", "service-desk");
        assertThat(approved.get("files").get(0).get("sha256").asText()).isEqualTo(Airlock.sha256(Airlock.result("Results/model.rds")));

        String deskFirst = Airlock.submitExport(workspace, Airlock.highRiskExport("Results/model2.rds"));
        decide(DESK, "exports", deskFirst, "approve").statusCode(200).body("status", is("IN_REVIEW"));
        decide(DESK_TOO, "exports", deskFirst, "approve").statusCode(409);
        DesktopEvents.assertNone(APPROVED, "exportId", deskFirst);
        decide(AUTHORITY, "exports", deskFirst, "approve").statusCode(200).body("status", is("APPROVED"));

        // One person holding both reviewer roles gives one approval, never both.
        String both = TestTokens.user("desk.and.findata", "service-desk", "permit-authority").bearer();
        String onePerson = Airlock.submitExport(workspace, Airlock.highRiskExport("Results/model3.rds"));
        decide(both, "exports", onePerson, "approve").statusCode(200).body("status", is("IN_REVIEW"))
                .body("decisions[0].role", is("service-desk"));
        decide(both, "exports", onePerson, "approve").statusCode(409).body("detail", containsString("already approved"));
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("export.requested", "export.approval.given",
                "export.approval.given", "export.approved", "export.requested", "export.approval.given", "export.approval.given",
                "export.approved");
    }

    @Test
    void anyReviewerRejectsWithAComment() {
        Airlock.Opened workspace = Airlock.open();
        String id = Airlock.submitExport(workspace, Airlock.highRiskExport("Results/counts.csv"));
        decide(DESK, "exports", id, "approve").statusCode(200);
        decide(AUTHORITY, "exports", id, "reject", " ").statusCode(400).body("errors.field", hasItem("comment"));
        decide(AUTHORITY, "exports", id, "reject", "Cells under 3 in table 2").statusCode(200).body("status", is("REJECTED"));
        JsonNode rejected = DesktopEvents.awaitOnly(REJECTED, "exportId", id, workspace.permitId(), workspace.workspaceId());
        assertThat(rejected.get("rejection").get("reviewer").asText()).isEqualTo("findata.paula");
        assertThat(rejected.get("rejection").get("role").asText()).isEqualTo("permit-authority");
        assertThat(rejected.get("rejection").get("comment").asText()).isEqualTo("Cells under 3 in table 2");
        decide(DESK_TOO, "exports", id, "approve").statusCode(409);
        DesktopEvents.assertNone(APPROVED, "exportId", id);
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("export.requested", "export.approval.given", "export.rejected")
                .doesNotContain("export.approved");
    }

    @Test
    void reviewersSeeTheProjectsEarlierExportsWithTheirFilesAndDecisions() {
        Airlock.Opened first = Airlock.open();
        String earlier = Airlock.submitExport(first, Airlock.lowRiskExport("Results/by-age.csv"));
        decide(DESK, "exports", earlier, "approve", "ok").statusCode(200);
        // A later permit of the same project has its own workspace; its reviewers still see the first one's exports.
        Airlock.Opened second = Airlock.open(first.projectId());
        String later = Airlock.submitExport(second, Airlock.lowRiskExport("Results/by-age-minus-helsinki.csv"));
        Airlock.Opened elsewhere = Airlock.open();
        String unrelated = Airlock.submitExport(elsewhere, Airlock.lowRiskExport("Results/other.csv"));

        String path = "/api/v1/workspaces/" + second.workspaceId() + "/exports";
        for (String reviewer : List.of(DESK, AUTHORITY)) {
            List<String> ids = get(reviewer, path).statusCode(200).header("X-Total-Count", "2").extract().path("id");
            assertThat(ids).containsExactly(later, earlier).doesNotContain(unrelated);
        }
        get(DESK, path).body("find { it.id == '" + earlier + "' }.files[0].path", is("Results/by-age.csv"))
                .body("find { it.id == '" + earlier + "' }.decisions[0].actor", is("desk.dan"))
                .body("find { it.id == '" + earlier + "' }.status", is("APPROVED"));
        List<String> mine = get(AINO, path).statusCode(200).extract().path("id");
        assertThat(mine).containsExactly(later);
    }

    @Test
    void invalidExportsAreRefusedWithTheFieldsNamed() {
        Airlock.Opened workspace = Airlock.open();
        String path = "/api/v1/workspaces/" + workspace.workspaceId() + "/exports";
        post(AINO, path, Map.of("files", List.of(), "riskLevel", "LOW")).statusCode(400).body("errors.field", hasItem("files"));
        post(AINO, path, Map.of("files", List.of(
                Map.of("path", "../etc/passwd", "sizeBytes", 1, "sha256", SHA),
                Map.of("path", "/home/aino/out.csv", "sizeBytes", -1, "sha256", "abc"),
                Map.of("path", "Results/./x.csv", "sizeBytes", 1, "sha256", SHA),
                Map.of("path", "p".repeat(1001), "sizeBytes", 1, "sha256", "g".repeat(64))),
                "riskLevel", "MEDIUM")).statusCode(400)
                .body("errors.field", hasItem("riskLevel"));
        post(AINO, path, Map.of("files", List.of(
                Map.of("path", "../etc/passwd", "sizeBytes", 1, "sha256", SHA),
                Map.of("path", "/home/aino/out.csv", "sizeBytes", -1, "sha256", "abc"),
                Map.of("path", "Results/./x.csv", "sizeBytes", 1, "sha256", SHA),
                Map.of("path", "p".repeat(1001), "sizeBytes", 1, "sha256", "g".repeat(64))),
                "riskLevel", "LOW", "findataNotificationRef", "x".repeat(201))).statusCode(400)
                .body("errors.field", is(List.of("files[0].path", "files[1].path", "files[1].sha256", "files[1].sizeBytes",
                        "files[2].path", "files[3].path", "files[3].sha256", "findataNotificationRef")));
        post(AINO, path, Map.of("files", List.of(Map.of("path", "a.csv", "sizeBytes", 1, "sha256", SHA),
                Map.of("path", "a.csv", "sizeBytes", 2, "sha256", SHA)), "riskLevel", "HIGH"))
                .statusCode(400).body("errors.field", is(List.of("riskAssessment", "files[1].path")));
        post(AINO, path, Map.of("files", List.of(Map.of("path", "a.csv", "sizeBytes", 1, "sha256", SHA)), "riskLevel", "LOW",
                "riskAssessment", "r".repeat(4001))).statusCode(400).body("errors.field", is(List.of("riskAssessment")));
        post(AINO, path, Map.of("files", List.of(Map.of("path", "a.csv", "sizeBytes", 1, "sha256", SHA)), "riskLevel", "LOW"))
                .statusCode(422).body("errors.field", is(List.of("findataNotificationRef")));
        get(AINO, path).statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void nonMembersSeeNoExportAndOnlyMembersSubmit() {
        Airlock.Opened workspace = Airlock.open();
        String id = Airlock.submitExport(workspace, Airlock.lowRiskExport("Results/t.csv"));
        String path = "/api/v1/workspaces/" + workspace.workspaceId() + "/exports";
        for (String stranger : List.of(Airlock.OUTSIDER, Airlock.CONTROLLER)) {
            get(stranger, "/api/v1/exports/" + id).statusCode(404).body("type", is("https://sd.fi/problems/not-found"));
            get(stranger, path).statusCode(404);
            post(stranger, path, Airlock.lowRiskExport("Results/u.csv")).statusCode(404);
            decide(stranger, "exports", id, "approve").statusCode(404);
        }
        post(DESK, path, Airlock.lowRiskExport("Results/u.csv")).statusCode(403);
        get(AUTHORITY, "/api/v1/exports/" + id).statusCode(200);
        get(MIKKO, "/api/v1/exports/" + id).statusCode(200);
        get(WorkspaceApi.AUDITOR, "/api/v1/exports/" + id).statusCode(200);
        get(DESK, "/api/v1/exports/" + "no-such-export").statusCode(404);
        decide(DESK, "exports", id, "release").statusCode(404);
    }
}
