package fi.sd.desktop.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.desktop.TestPermit;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.EventJson;
import fi.sd.events.PersonRef;
import fi.sd.events.Topic;
import fi.sd.events.permit.PermitAmended;
import fi.sd.events.permit.PermitExpired;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TestTokens;
import fi.sd.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The workspace follows its permit: ready when granted, locked when it ends, unlocked by an extension. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class WorkspaceLifecycleFlowTest {

    @Test
    void aGrantedPermitGetsAReadyWorkspaceAndARevokedOneIsLockedWithinSeconds() throws Exception {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        TestEvents.publish(granted);

        String workspaceId = WorkspaceApi.awaitStatus(granted.permitId(), "READY");
        try (TopicReader reader = TopicReader.fromBeginning(Topic.DESKTOP.topicName())) {
            JsonNode provisioned = payload(reader.await(of("fi.sd.WorkspaceProvisioned.v1", workspaceId), 1, Duration.ofSeconds(20)).get(0));
            assertThat(provisioned.get("permitId").asText()).isEqualTo(granted.permitId());
            assertThat(provisioned.get("members")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("aino.virtanen", "mikko.korhonen");
        }

        Instant revokedAt = Instant.now();
        TestEvents.publish(new PermitRevoked(granted.permitId(), 1, granted.permit().projectId(), "Misuse", "findata.officer", revokedAt));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().header("Authorization", WorkspaceApi.AUDITOR)
                .when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200).body("status", is("LOCKED")));
        try (TopicReader reader = TopicReader.fromBeginning(Topic.DESKTOP.topicName())) {
            JsonNode locked = payload(reader.await(of("fi.sd.WorkspaceLocked.v1", workspaceId), 1, Duration.ofSeconds(20)).get(0));
            assertThat(locked.get("reason").asText()).isEqualTo("PERMIT_REVOKED");
            Instant purgeAfter = Instant.parse(locked.get("purgeAfter").asText());
            assertThat(purgeAfter).isCloseTo(revokedAt.plus(90, ChronoUnit.DAYS), org.assertj.core.api.Assertions.within(1, ChronoUnit.HOURS));
        }
    }

    @Test
    void anExtensionBeforeThePurgeUnlocksAnExpiredPermitsWorkspaceAndFollowsItsPersons() {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        TestEvents.publish(granted);
        String workspaceId = WorkspaceApi.awaitStatus(granted.permitId(), "READY");

        TestEvents.publish(new PermitExpired(granted.permitId(), granted.permit().projectId(), LocalDate.now(), Instant.now()));
        WorkspaceApi.awaitStatus(granted.permitId(), "LOCKED");

        PermitSnapshot before = granted.permit();
        PermitSnapshot extended = TestPermit.nextVersionOf(before).validUntil(LocalDate.now().plusYears(2))
                .persons(WorkspaceApi.AINO_VIRTANEN, new PersonRef("liisa.nieminen", "Liisa Nieminen", "liisa.nieminen@helsinki.fi"))
                .snapshot();
        TestEvents.publish(new PermitAmended(extended, List.of("validUntil", "persons"), "Extension", "findata.officer", Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", WorkspaceApi.AUDITOR)
                .when().get("/api/v1/workspaces/" + workspaceId)
                .then().statusCode(200).body("status", is("READY"))
                .body("validUntil", is(extended.validUntil().toString()))
                .body("members.sort()", is(List.of("aino.virtanen", "liisa.nieminen"))));
        given().header("Authorization", TestTokens.user("mikko.korhonen", "researcher").bearer())
                .when().get("/api/v1/workspaces/" + workspaceId).then().statusCode(404);
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> of(String type, String workspaceId) {
        return r -> type.equals(CloudEventCodec.get(r.headers(), "ce_type")) && workspaceId.equals(CloudEventCodec.get(r.headers(), "ce_subject"));
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) throws Exception {
        return EventJson.mapper().readTree(record.value());
    }
}
