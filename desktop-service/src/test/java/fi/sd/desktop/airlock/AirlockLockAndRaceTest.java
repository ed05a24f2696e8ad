package fi.sd.desktop.airlock;

import static fi.sd.desktop.airlock.Airlock.AINO;
import static fi.sd.desktop.airlock.Airlock.DESK;
import static fi.sd.desktop.airlock.Airlock.DESK_TOO;
import static fi.sd.desktop.airlock.Airlock.decide;
import static fi.sd.desktop.airlock.Airlock.get;
import static fi.sd.desktop.airlock.Airlock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import fi.sd.desktop.DesktopEvents;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.EventType;
import fi.sd.events.desktop.ExportApproved;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What a lock does to the airlock, and two reviewers deciding at the same moment. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class AirlockLockAndRaceTest {

    @Test
    void aLockCancelsPendingRequestsAndRefusesNewOnesButKeepsDecidedOnes() {
        Airlock.Opened workspace = Airlock.open();
        String pendingExport = Airlock.submitExport(workspace, Airlock.highRiskExport("Results/a.csv"));
        decide(DESK, "exports", pendingExport, "approve").statusCode(200).body("status", is("IN_REVIEW"));
        String approvedExport = Airlock.submitExport(workspace, Airlock.lowRiskExport("Results/b.csv"));
        decide(DESK, "exports", approvedExport, "approve").statusCode(200);
        String importsPath = "/api/v1/workspaces/" + workspace.workspaceId() + "/imports";
        String pendingImport = post(AINO, importsPath, Map.of("kind", "DATA", "description", "Codes")).statusCode(201)
                .extract().path("id");

        TestEvents.publish(new PermitRevoked(workspace.permitId(), 1, workspace.projectId(), "Misuse", "findata.officer", Instant.now()));
        WorkspaceApi.awaitStatus(workspace.permitId(), "LOCKED");

        get(AINO, "/api/v1/exports/" + pendingExport).statusCode(200).body("status", is("CANCELLED"))
                .body("decisions[1].action", is("cancel")).body("decisions[1].actor", is("system"))
                .body("decisions[1].comment", is("Workspace locked: PERMIT_REVOKED"));
        get(AINO, "/api/v1/exports/" + approvedExport).statusCode(200).body("status", is("APPROVED"));
        get(AINO, "/api/v1/imports/" + pendingImport).statusCode(200).body("status", is("CANCELLED"));
        decide(Airlock.AUTHORITY, "exports", pendingExport, "approve").statusCode(409);

        post(AINO, "/api/v1/workspaces/" + workspace.workspaceId() + "/exports", Airlock.lowRiskExport("Results/c.csv"))
                .statusCode(409).body("detail", is("The workspace is locked: it accepts no new exports"));
        post(AINO, importsPath, Map.of("kind", "DATA", "description", "More")).statusCode(409);
        DesktopEvents.assertNone(EventType.ofPayloadType(ExportApproved.class), "exportId", pendingExport);
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("workspace.locked", "export.cancelled")
                .containsSubsequence("workspace.locked", "import.cancelled");
    }

    @Test
    void ofTwoReviewersApprovingAtOnceOneWinsAndTheExportIsApprovedOnce() throws Exception {
        Airlock.Opened workspace = Airlock.open();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String id = Airlock.submitExport(workspace, Airlock.lowRiskExport("Results/race" + round + ".csv"));
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Integer>> answers = List.of(DESK, DESK_TOO).stream()
                        .map(token -> CompletableFuture.supplyAsync(() -> {
                            await(start);
                            return decide(token, "exports", id, "approve").extract().statusCode();
                        }, pool)).toList();
                List<Integer> statuses = answers.stream().map(CompletableFuture::join).sorted().toList();
                assertThat(statuses).as("round %d", round).containsExactly(200, 409);
                get(AINO, "/api/v1/exports/" + id).statusCode(200).body("status", is("APPROVED")).body("decisions.size()", is(1));
                DesktopEvents.awaitOnly(EventType.ofPayloadType(ExportApproved.class), "exportId", id, workspace.permitId(),
                        workspace.workspaceId());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
