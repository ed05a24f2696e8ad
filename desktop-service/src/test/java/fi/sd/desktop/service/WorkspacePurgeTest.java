package fi.sd.desktop.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

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
import fi.sd.desktop.domain.WorkspaceShred;
import fi.sd.events.PersonRef;
import fi.sd.events.Topic;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.events.permit.ReleasedFile;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.platform.rest.ProblemException;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.ObjectName;
import fi.sd.storage.StoredObject;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A locked workspace is kept through the retention period and purged once it has passed, by the clock; after the
 * purge's commit its permit's keys are destroyed and its objects deleted (in a real S3 server), as its deletion
 * record says.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class WorkspacePurgeTest {

    @Inject
    WorkspacePurgeJob job;

    @Inject
    EncryptedObjectStore store;

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
        byte[] visits = "visit_id,patient\n1,42\n".getBytes(StandardCharsets.UTF_8);
        StoredObject stored = store.put(ObjectName.unique(permit.permitId(), "releases", "r1"), new ByteArrayInputStream(visits),
                visits.length);
        DataReleased release = new DataReleased(UUID.randomUUID().toString(), permit.permitId(), permit.projectId(), "thl-avohilmo",
                List.of(new ReleasedFile("visits.csv", visits.length, stored.sha256(), stored.name().path())), "findata.officer",
                Instant.now());
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

        // Crypto-shredded after the purge's commit: the keys first, then every object, and the deletion record says so.
        assertThat(store.list(permit.permitId())).isEmpty();
        assertThatThrownBy(() -> store.open(stored.name())).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(410));
        WorkspaceShred shred = QuarkusTransaction.requiringNew().call(() -> {
            WorkspaceShred found = WorkspaceShred.findById(workspaceId);
            found.deletedObjects.size();
            found.destroyedKeyIds.size();
            return found;
        });
        assertThat(shred.doneAt).isNotNull();
        assertThat(shred.destroyedKeyIds).containsExactly(stored.keyId());
        assertThat(shred.deletedObjects).extracting(o -> o.path).containsExactly(stored.name().path());
        assertThat(shred.releaseIds).containsExactly(release.releaseId());
        given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("workspaceId", workspaceId).when().get("/api/v1/audit")
                .then().statusCode(200).body("find { it.action == 'workspace.shredded' }.detail",
                        allOf(containsString(stored.keyId()), containsString(stored.name().path()), containsString("1 object(s) deleted")));

        try (TopicReader reader = TopicReader.fromBeginning(Topic.DESKTOP.topicName())) {
            List<ConsumerRecord<String, String>> purged = reader.await(r -> "fi.sd.WorkspacePurged.v1".equals(CloudEventCodec.get(r.headers(), "ce_type"))
                    && workspaceId.equals(CloudEventCodec.get(r.headers(), "ce_subject")), 1, Duration.ofSeconds(20));
            assertThat(purged.get(0).value()).contains(permit.permitId()).contains("\"MOUNT\"").contains(release.releaseId());
            assertThat(reader.drain(r -> "fi.sd.WorkspacePurged.v1".equals(CloudEventCodec.get(r.headers(), "ce_type"))
                    && workspaceId.equals(CloudEventCodec.get(r.headers(), "ce_subject")), Duration.ofSeconds(2))).hasSize(1);
        }
    }
}
