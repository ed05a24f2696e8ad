package fi.sd.desktop.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.TestPermit;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.PersonRef;
import fi.sd.events.Topic;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.events.permit.ReleasedFile;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A locked workspace is kept through the retention period and purged once it has passed, by the clock. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class WorkspacePurgeTest {

    @Inject
    WorkspacePurgeJob job;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void aLockedWorkspaceIsPurgedOnlyAfterTheRetentionPeriod() {
        PermitSnapshot permit = TestPermit.findata().journalNumber("J-purge").holder("University of Turku", "Ville Laine")
                .persons(new PersonRef("ville.laine", "Ville Laine", "ville.laine@utu.fi")).snapshot();
        TestEvents.publish(new PermitGranted(permit, "findata.officer", Instant.now()));
        String workspaceId = WorkspaceApi.awaitStatus(permit.permitId(), "READY");
        DataReleased release = new DataReleased(UUID.randomUUID().toString(), permit.permitId(), permit.projectId(), "thl-avohilmo",
                List.of(new ReleasedFile("visits.csv", 2048, "b".repeat(64))), "findata.officer", Instant.now());
        TestEvents.publish(release);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", WorkspaceApi.AUDITOR)
                .when().get("/api/v1/workspaces/" + workspaceId).then().statusCode(200).body("datasets.size()", is(1)));
        TestEvents.publish(new PermitRevoked(permit.permitId(), 1, permit.projectId(), "Ended", "findata.officer", Instant.now()));
        WorkspaceApi.awaitStatus(permit.permitId(), "LOCKED");

        TestClock.INSTANCE.advance(Duration.ofDays(89));
        job.run();
        WorkspaceApi.assertStatus(workspaceId, "LOCKED");

        TestClock.INSTANCE.advance(Duration.ofDays(2));
        assertThat(job.run()).isGreaterThanOrEqualTo(1);
        WorkspaceApi.assertStatus(workspaceId, "PURGED");
        given().header("Authorization", WorkspaceApi.AUDITOR).when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200).body("datasets.size()", is(0));
        assertThat(job.run()).isZero();

        try (TopicReader reader = TopicReader.fromBeginning(Topic.DESKTOP.topicName())) {
            List<ConsumerRecord<String, String>> purged = reader.await(r -> "fi.sd.WorkspacePurged.v1".equals(CloudEventCodec.get(r.headers(), "ce_type"))
                    && workspaceId.equals(CloudEventCodec.get(r.headers(), "ce_subject")), 1, Duration.ofSeconds(20));
            assertThat(purged.get(0).value()).contains(permit.permitId()).contains("\"MOUNT\"").contains(release.releaseId());
            assertThat(reader.drain(r -> "fi.sd.WorkspacePurged.v1".equals(CloudEventCodec.get(r.headers(), "ce_type"))
                    && workspaceId.equals(CloudEventCodec.get(r.headers(), "ce_subject")), Duration.ofSeconds(2))).hasSize(1);
        }
    }
}
