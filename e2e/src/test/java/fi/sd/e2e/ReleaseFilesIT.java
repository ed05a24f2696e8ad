package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.storage.FileDigest;
import fi.sd.storage.ObjectName;
import fi.sd.storage.ObjectUnreadableException;
import fi.sd.storage.StandaloneStorage;
import fi.sd.testsupport.TopicReader;

/**
 * Release files through the gateway on the real stack (S3Proxy, PostgreSQL, Kafka): a CSV of a few
 * MB uploaded to a Findata release, DataReleased only with it, a wrong SHA-256 refused with nothing
 * left, a repeated upload the same, no plaintext at rest, and a changed byte at rest never served.
 */
class ReleaseFilesIT extends SystemTest {

    private static final Duration FLOW = Duration.ofSeconds(60);
    private static final String NAME = "avohilmo/visits.csv";

    @Test
    void aFewMegabyteCsvIsReleasedEncryptedVerifiedAndMountedOnlyOnceUploaded() throws Exception {
        String project = "files-" + UUID.randomUUID();
        String permitId = api.grantFindataPermit(project);
        String workspaceId = Flows.awaitWorkspace(api, project, "READY");
        String marker = "MARKER-" + UUID.randomUUID();
        byte[] csv = Releases.csvWithMarker(marker);
        Map<String, byte[]> files = Map.of(NAME, csv);

        String releaseId = Releases.declare(api.asFindata(), permitId, "thl-avohilmo", files).then().statusCode(201)
                .body("status", is("UPLOADING")).extract().path("id");
        Releases.upload(api.asFindata(), permitId, releaseId, NAME, "id,visit_date\n".getBytes()).then().statusCode(422)
                .contentType("application/problem+json");
        byte[] tampered = csv.clone();
        tampered[100] ^= 1;
        Releases.upload(api.asFindata(), permitId, releaseId, NAME, tampered).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", is("sha256"));
        try (StandaloneStorage storage = system.storage()) {
            assertThat(storage.store().list(permitId)).as("nothing stored by refused uploads").isEmpty();
        }
        api.asFindata().get("/permits/{id}/releases/{releaseId}", permitId, releaseId).then().statusCode(200)
                .body("status", is("UPLOADING")).body("files[0].state", is("PENDING"));

        String stored = Releases.upload(api.asFindata().header("X-Request-Id", "upload-" + releaseId), permitId, releaseId, NAME, csv)
                .then().statusCode(201).body("releaseStatus", is("RELEASED")).body("sha256", is(Releases.sha256(csv)))
                .extract().asString();
        Releases.upload(api.asFindata(), permitId, releaseId, NAME, csv).then().statusCode(200)
                .body(is(stored));
        Releases.upload(api.asFindata(), permitId, releaseId, NAME, tampered).then().statusCode(409);

        ConsumerRecord<String, String> released = dataReleased(permitId);
        assertThat(CloudEventCodec.get(released.headers(), "ce_requestid")).as("published with the upload").isEqualTo("upload-" + releaseId);
        JsonNode file = new ObjectMapper().readTree(released.value()).at("/files/0");
        assertThat(file.get("sha256").asText()).isEqualTo(Releases.sha256(csv));
        await().atMost(FLOW).untilAsserted(() -> api.as(Api.RESEARCHER, "researcher").get("/workspaces/{id}", workspaceId)
                .then().statusCode(200).body("datasets.releaseId", hasItem(releaseId)));

        ObjectName object = new ObjectName(permitId, file.get("storageKey").asText());
        try (StandaloneStorage storage = system.storage()) {
            assertThat(storage.store().list(permitId)).as("one object: the refused and repeated uploads left none").hasSize(1);
            try (InputStream plaintext = storage.store().open(object)) {
                assertThat(FileDigest.of(plaintext)).isEqualTo(new FileDigest(csv.length, Releases.sha256(csv)));
            }
            assertThat(Releases.filesContaining(system.storedObjects(), marker)).as("no plaintext at rest").isEmpty();

            flipByte(system.storedObjects().resolve(object.key()), 200);
            assertThatThrownBy(() -> storage.store().open(object)).isInstanceOfSatisfying(ObjectUnreadableException.class, e -> {
                assertThat(e.status()).isEqualTo(502);
                assertThat(e.getMessage()).contains("integrity check");
            });
        }
    }

    @Test
    void aReleaseIsNotAnnouncedUntilEveryFileIsUploaded() {
        String permitId = api.grantFindataPermit("files-" + UUID.randomUUID());
        Map<String, byte[]> files = Releases.files("a/visits.csv", "id\n1\n", "a/README.txt", "Read me first.\n");
        String releaseId = Releases.declare(api.asFindata(), permitId, "thl-avohilmo", files).then().statusCode(201).extract().path("id");

        Releases.upload(api.asFindata(), permitId, releaseId, "a/visits.csv", files.get("a/visits.csv")).then().statusCode(201)
                .body("releaseStatus", is("UPLOADING"));
        try (TopicReader reader = TopicReader.fromBeginning(Topic.PERMIT.topicName())) {
            assertThat(reader.drain(r -> permitId.equals(r.key()) && isDataReleased(r), Duration.ofSeconds(3))).isEmpty();
        }
        Releases.upload(api.asFindata(), permitId, releaseId, "a/README.txt", files.get("a/README.txt")).then().statusCode(201)
                .body("releaseStatus", is("RELEASED"));
        assertThat(dataReleased(permitId).value()).contains(releaseId);
        Releases.upload(api.as(Api.RESEARCHER, "researcher"), permitId, releaseId, "a/README.txt", new byte[1]).then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static ConsumerRecord<String, String> dataReleased(String permitId) {
        try (TopicReader reader = TopicReader.fromBeginning(Topic.PERMIT.topicName())) {
            List<ConsumerRecord<String, String>> events = reader.await(r -> permitId.equals(r.key()) && isDataReleased(r), 1, FLOW);
            return events.get(0);
        }
    }

    private static boolean isDataReleased(ConsumerRecord<String, String> record) {
        return EventType.DATA_RELEASED.ceType().equals(CloudEventCodec.get(record.headers(), "ce_type"));
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile stored = new RandomAccessFile(file.toFile(), "rw")) {
            stored.seek(position);
            int b = stored.read();
            stored.seek(position);
            stored.write(b ^ 0x01);
        }
    }
}
