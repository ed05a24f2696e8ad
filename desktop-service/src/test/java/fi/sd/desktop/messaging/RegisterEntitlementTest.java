package fi.sd.desktop.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.sd.desktop.TestPermit;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.apply.AccessEndReason;
import fi.sd.events.apply.AccessGranted;
import fi.sd.events.apply.AccessRevoked;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.events.permit.ReleasedFile;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** On a register permit a member sees a released dataset only while holding an entitlement for it. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class RegisterEntitlementTest {

    private static final String AINO = TestTokens.user("aino.virtanen", "researcher").bearer();
    private static final String MIKKO = TestTokens.user("mikko.korhonen", "researcher").bearer();

    @Test
    void anEntitlementThatArrivesBeforeTheReleaseShowsTheDatasetToItsHolderOnlyUntilItIsRevoked() {
        PermitSnapshot permit = TestPermit.register("THL").persons(WorkspaceApi.AINO_VIRTANEN, WorkspaceApi.MIKKO_KORHONEN).snapshot();
        TestEvents.publish(new AccessGranted(permit.permitId(), "app-1", "aino.virtanen", "thl-avohilmo", Instant.now(), null,
                Instant.now()));
        TestEvents.publish(new PermitGranted(permit, "thl.controller", Instant.now()));
        String workspaceId = WorkspaceApi.awaitStatus(permit.permitId(), "READY");
        TestEvents.publish(new DataReleased(UUID.randomUUID().toString(), permit.permitId(), permit.projectId(), "thl-avohilmo",
                List.of(new ReleasedFile("visits.csv", 10, "c".repeat(64))), "thl.controller", Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", AINO)
                .when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200).body("datasets.datasetId", contains("thl-avohilmo")));
        given().header("Authorization", MIKKO).when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200).body("datasets", empty());
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200).body("datasets.datasetId", contains("thl-avohilmo"));

        TestEvents.publish(new AccessRevoked(permit.permitId(), "app-1", "aino.virtanen", "thl-avohilmo", AccessEndReason.MEMBER_REMOVED,
                Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", AINO)
                .when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200).body("datasets", empty()));
    }
}
