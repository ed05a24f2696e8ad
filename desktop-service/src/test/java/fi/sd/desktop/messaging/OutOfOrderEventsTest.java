package fi.sd.desktop.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.Topic;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.events.permit.ReleasedFile;
import fi.sd.platform.messaging.CloudEvent;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Events of one permit may overtake each other: nothing is dropped, the workspace ends up as if they came in order. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class OutOfOrderEventsTest {

    @Test
    void aReleaseBeforeTheGrantIsMountedOnceReadOnlyWhenTheWorkspaceOpens() {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        DataReleased release = new DataReleased(UUID.randomUUID().toString(), granted.permitId(), granted.permit().projectId(),
                "thl-avohilmo", List.of(new ReleasedFile("visits.csv", 1024, "a".repeat(64))), "findata.officer", Instant.now());
        CloudEvent delivered = TestEvents.publish(release);
        TestEvents.send(Topic.PERMIT.topicName(), release.permitId(), delivered);
        TestEvents.publish(granted);

        String workspaceId = WorkspaceApi.awaitStatus(granted.permitId(), "READY");
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200)
                .body("datasets", hasSize(1))
                .body("datasets[0].datasetId", is("thl-avohilmo"))
                .body("datasets[0].releaseId", is(release.releaseId()))
                .body("datasets[0].mountPath", is("/data/thl-avohilmo/" + release.releaseId()))
                .body("datasets[0].readOnly", is(true));
    }

    @Test
    void aRevocationBeforeTheGrantOpensTheWorkspaceLocked() {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        TestEvents.publish(new PermitRevoked(granted.permitId(), 1, granted.permit().projectId(), "Withdrawn", "findata.officer",
                Instant.now()));
        TestEvents.publish(granted);

        String workspaceId = WorkspaceApi.awaitStatus(granted.permitId(), "LOCKED");
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200).body("purgeAfter", org.hamcrest.Matchers.notNullValue());
    }
}
