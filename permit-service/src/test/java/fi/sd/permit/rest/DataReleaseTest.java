package fi.sd.permit.rest;

import static fi.sd.permit.PermitApi.AINO;
import static fi.sd.permit.PermitApi.FINDATA;
import static fi.sd.permit.PermitApi.KELA;
import static fi.sd.permit.PermitApi.STRANGER;
import static fi.sd.permit.PermitApi.THL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.events.apply.ApplicationApproved;
import fi.sd.events.apply.ApplicationClosed;
import fi.sd.events.apply.ApplicationRevoked;
import fi.sd.permit.PermitApi;
import fi.sd.permit.PermitEvents;
import fi.sd.permit.PermitFixtures;
import fi.sd.platform.messaging.CloudEvent;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code POST/GET /permits/{id}/releases}, and the approved applications that register-route releases wait for. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class DataReleaseTest {

    private static final String SHA_A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Duration EVENT_APPLIED = Duration.ofSeconds(30);

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void findataDeclaresAReleaseUploadsItsFilesAndDataReleasedIsPublishedWithTheLast() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        String id = PermitApi.record(FINDATA, body);
        String datasetId = datasetOf(body);
        byte[] visits = "id,visit\n1,2026-01-02\n".repeat(50).getBytes();
        byte[] readme = new byte[0];

        String releaseId = given().header("Authorization", FINDATA).header("X-Request-Id", "req-release-1")
                .contentType(ContentType.JSON).body(release(datasetId, file("avohilmo/visits.csv.c4gh", visits.length,
                        PermitApi.sha256(visits).toUpperCase()), file("avohilmo/README.txt", 0, PermitApi.sha256(readme))))
                .when().post("/api/v1/permits/" + id + "/releases")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/permits/" + id + "/releases/"))
                .body("permitId", equalTo(id))
                .body("datasetId", equalTo(datasetId))
                .body("projectId", equalTo(body.get("projectId")))
                .body("status", equalTo("UPLOADING"))
                .body("releasedBy", equalTo("findata.officer"))
                .body("releasedAt", nullValue())
                .body("files.name", equalTo(List.of("avohilmo/visits.csv.c4gh", "avohilmo/README.txt")))
                .body("files.state", equalTo(List.of("PENDING", "PENDING")))
                .body("files[0].sha256", equalTo(PermitApi.sha256(visits)))
                .extract().path("id");

        given().header("Authorization", FINDATA).header("X-Request-Id", "req-upload-1").contentType("application/octet-stream")
                .body(visits).when().put("/api/v1/permits/" + id + "/releases/" + releaseId + "/files/avohilmo/visits.csv.c4gh")
                .then().statusCode(201)
                .body("state", equalTo("STORED"))
                .body("releaseStatus", equalTo("UPLOADING"));
        PermitApi.get(AINO, "/api/v1/permits/" + id + "/releases/" + releaseId).statusCode(200)
                .body("status", equalTo("UPLOADING")).body("files.state", equalTo(List.of("STORED", "PENDING")));
        given().header("Authorization", FINDATA).header("X-Request-Id", "req-upload-2").contentType("application/octet-stream")
                .body(readme).when().put("/api/v1/permits/" + id + "/releases/" + releaseId + "/files/avohilmo/README.txt")
                .then().statusCode(201)
                .body("releaseStatus", equalTo("RELEASED"));

        ConsumerRecord<String, String> record = PermitEvents.awaitOne(EventType.DATA_RELEASED, id);
        assertThat(PermitEvents.header(record, "ce_requestid")).as("published with the last file").isEqualTo("req-upload-2");
        JsonNode payload = PermitEvents.body(record);
        assertThat(payload.at("/releaseId").asText()).isEqualTo(releaseId);
        assertThat(payload.at("/projectId").asText()).isEqualTo(body.get("projectId"));
        assertThat(payload.at("/datasetId").asText()).isEqualTo(datasetId);
        assertThat(payload.at("/files/0/sizeBytes").asLong()).isEqualTo(visits.length);
        assertThat(payload.at("/files/0/storageKey").asText()).startsWith("releases/" + releaseId + "/");
        assertThat(payload.at("/files/1/sha256").asText()).isEqualTo(PermitApi.sha256(readme));
        assertThat(payload.at("/actor").asText()).isEqualTo("findata.officer");

        PermitApi.get(AINO, "/api/v1/permits/" + id + "/releases").statusCode(200).body("id", equalTo(List.of(releaseId)));
        PermitApi.get(AINO, "/api/v1/permits/" + id + "/releases/" + releaseId).statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("releasedAt", notNullValue())
                .body("files.state", equalTo(List.of("STORED", "STORED")));
        PermitApi.get(AINO, "/api/v1/permits/" + id + "/releases/no-such-release").statusCode(404);
        PermitApi.get(STRANGER, "/api/v1/permits/" + id + "/releases").statusCode(404);
        PermitApi.get(STRANGER, "/api/v1/permits/" + id + "/releases/" + releaseId).statusCode(404);
        given().when().get("/api/v1/permits/" + id + "/releases").then().statusCode(401);
    }

    @Test
    void malformedReleasesAre400() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        String id = PermitApi.record(FINDATA, body);
        String datasetId = datasetOf(body);

        PermitApi.release(FINDATA, id, release(datasetId, file("a.csv", 1, "abc")))
                .statusCode(400).body("errors.field", equalTo(List.of("files[0].sha256")));
        PermitApi.release(FINDATA, id, release(datasetId, file("a.csv", -1, SHA_A)))
                .statusCode(400).body("errors.field", equalTo(List.of("files[0].sizeBytes")));
        for (String name : List.of(" ", "/etc/passwd", "a/../b.csv", "..", "a//b", "a\\b", "line\nbreak", "folder/")) {
            PermitApi.release(FINDATA, id, release(datasetId, file(name, 1, SHA_A)))
                    .statusCode(400).body("errors.field", equalTo(List.of("files[0].name")));
        }
        PermitApi.release(FINDATA, id, Map.of("datasetId", datasetId, "files", List.of()))
                .statusCode(400).body("errors.field", equalTo(List.of("files")));
        PermitApi.release(FINDATA, id, Map.of("files", List.of(file("a.csv", 1, SHA_A))))
                .statusCode(400).body("errors.field", equalTo(List.of("datasetId")));
        PermitApi.release(FINDATA, id, Map.of("datasetId", datasetId, "files", List.of(Map.of("name", "a", "sizeBytes", "big",
                "sha256", SHA_A)))).statusCode(400).body("errors[0].field", equalTo("files[0].sizeBytes"));
        PermitApi.get(FINDATA, "/api/v1/permits/" + id + "/releases").statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void releasesNeedTheRightCallerAnActivePermitAndADatasetOfIt() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        String id = PermitApi.record(FINDATA, body);
        Map<String, Object> release = release(datasetOf(body), file("a.csv", 10, SHA_A));

        given().contentType(ContentType.JSON).body(release).when().post("/api/v1/permits/" + id + "/releases")
                .then().statusCode(401).contentType("application/problem+json");
        PermitApi.release(AINO, id, release).statusCode(403).contentType("application/problem+json");
        PermitApi.release(STRANGER, id, release).statusCode(404);
        PermitApi.release(THL, id, release).statusCode(404);
        PermitApi.release(FINDATA, "no-such-permit", release).statusCode(404);
        PermitApi.release(FINDATA, id, release("not-in-this-permit", file("a.csv", 10, SHA_A)))
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("datasetId"));
        PermitApi.release(FINDATA, id, release(datasetOf(body), file("a.csv", 10, SHA_A), file("a.csv", 11, SHA_A)))
                .statusCode(422).body("errors[0].field", equalTo("files[1].name"));

        PermitApi.revoke(FINDATA, id, "Withdrawn").statusCode(200);
        PermitApi.release(FINDATA, id, release).statusCode(409).contentType("application/problem+json");
        PermitApi.get(FINDATA, "/api/v1/permits/" + id + "/releases").statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aRegisterReleaseIsRefusedBeforeTheApplicationIsApprovedAndAfterItIsRevoked() {
        Map<String, Object> body = PermitFixtures.registerPermit("THL");
        String id = PermitApi.record(THL, body);
        String datasetId = datasetOf(body);
        byte[] visits = "thl visits\n".repeat(100).getBytes();
        Map<String, Object> release = release(datasetId, file("thl/visits.csv.c4gh", visits.length, PermitApi.sha256(visits)));

        PermitApi.release(THL, id, release).statusCode(409).body("detail", containsString("No approved access application"));
        PermitApi.release(KELA, id, release).statusCode(404);
        PermitApi.release(FINDATA, id, release).statusCode(404);
        PermitApi.release(AINO, id, release).statusCode(403);

        String applicationId = "app-" + PermitFixtures.unique();
        TestEvents.publish(approved(applicationId, id, datasetId, null));
        String releaseId = await().atMost(EVENT_APPLIED).until(() -> PermitApi.release(THL, id, release).extract(),
                r -> r.statusCode() == 201).path("id");
        PermitApi.upload(THL, id, releaseId, "thl/visits.csv.c4gh", visits).statusCode(201).body("releaseStatus", equalTo("RELEASED"));
        PermitEvents.awaitOne(EventType.DATA_RELEASED, id);

        TestEvents.publish(new ApplicationRevoked(applicationId, id, List.of(datasetId), List.of("aino.virtanen"), "Misuse",
                "thl.handler", Instant.now()));
        await().atMost(EVENT_APPLIED).untilAsserted(() -> PermitApi.release(THL, id, release).statusCode(409));

        String second = "app-" + PermitFixtures.unique();
        TestEvents.publish(approved(second, id, datasetId, null));
        await().atMost(EVENT_APPLIED).untilAsserted(() -> PermitApi.release(THL, id, release).statusCode(201));
        TestEvents.publish(new ApplicationClosed(second, id, List.of(datasetId), "Project over", "thl.handler", Instant.now()));
        await().atMost(EVENT_APPLIED).untilAsserted(() -> PermitApi.release(THL, id, release).statusCode(409));
        PermitApi.get(THL, "/api/v1/permits/" + id + "/releases").statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void anApplicationClosedBeforeItsApprovalArrivesStaysClosed() {
        Map<String, Object> body = PermitFixtures.registerPermit("THL");
        String other = "thl-other-" + PermitFixtures.unique();
        body.put("datasets", List.of(((List<?>) body.get("datasets")).get(0), PermitFixtures.dataset(other, "THL")));
        String id = PermitApi.record(THL, body);
        String applicationId = "app-" + PermitFixtures.unique();

        TestEvents.publish(new ApplicationClosed(applicationId, id, List.of(datasetOf(body)), "Closed", "thl.handler", Instant.now()));
        CloudEvent approval = TestEvents.publish(approved(applicationId, id, datasetOf(body), null));
        TestEvents.send(Topic.APPLY.topicName(), id, approval);
        // Same key, same partition: once this later approval counts, the earlier events have been applied.
        TestEvents.publish(approved("app-" + PermitFixtures.unique(), id, other, null));
        await().atMost(EVENT_APPLIED).untilAsserted(() -> PermitApi.release(THL, id, release(other, file("b.csv", 1, SHA_A))).statusCode(201));

        PermitApi.release(THL, id, release(datasetOf(body), file("a.csv", 1, SHA_A))).statusCode(409);
    }

    @Test
    void anApprovalWithAnEntitlementEndCoversTheDatasetUntilThen() {
        Map<String, Object> body = PermitFixtures.registerPermit("THL");
        String id = PermitApi.record(THL, body);
        Map<String, Object> release = release(datasetOf(body), file("a.csv", 1, SHA_A));

        TestEvents.publish(approved("app-" + PermitFixtures.unique(), id, datasetOf(body), Instant.now().plus(Duration.ofDays(1))));
        await().atMost(EVENT_APPLIED).untilAsserted(() -> PermitApi.release(THL, id, release).statusCode(201));

        TestClock.INSTANCE.advance(Duration.ofDays(2));
        PermitApi.release(THL, id, release).statusCode(409);
    }

    @Test
    void anApplicationEventThatCanNeverBeAppliedIsDeadLettered() {
        String permitId = "permit-" + PermitFixtures.unique();
        TestEvents.publish(new ApplicationApproved(" ", permitId, List.of("ds"), List.of(), null, null, "thl.handler", Instant.now()));

        try (TopicReader reader = TopicReader.fromBeginning(Topic.APPLY.topicName() + ".dlq.permit-service")) {
            ConsumerRecord<String, String> letter = reader.await(r -> permitId.equals(r.key()), 1, EVENT_APPLIED).get(0);
            assertThat(CloudEventCodec.get(letter.headers(), "sd_error_class")).isEqualTo("fi.sd.events.MalformedEventException");
            assertThat(CloudEventCodec.get(letter.headers(), "sd_error_attempts")).isEqualTo("1");
        }
    }

    private static ApplicationApproved approved(String applicationId, String permitId, String datasetId, Instant entitlementEnd) {
        return new ApplicationApproved(applicationId, permitId, List.of(datasetId), List.of("aino.virtanen", "mikko.korhonen"),
                entitlementEnd, "Approved", "thl.handler", Instant.now());
    }

    @SuppressWarnings("unchecked")
    private static String datasetOf(Map<String, Object> permit) {
        return (String) ((List<Map<String, Object>>) permit.get("datasets")).get(0).get("id");
    }

    private static Map<String, Object> release(String datasetId, Map<?, ?>... files) {
        return Map.of("datasetId", datasetId, "files", List.of(files));
    }

    private static Map<String, Object> file(String name, long sizeBytes, String sha256) {
        return Map.of("name", name, "sizeBytes", sizeBytes, "sha256", sha256);
    }
}
