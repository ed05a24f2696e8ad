package fi.sd.permit.rest;

import static fi.sd.permit.PermitApi.AINO;
import static fi.sd.permit.PermitApi.FINDATA;
import static fi.sd.permit.PermitApi.STRANGER;
import static fi.sd.permit.PermitApi.THL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.sd.events.EventType;
import fi.sd.permit.PermitApi;
import fi.sd.permit.PermitEvents;
import fi.sd.permit.PermitFixtures;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.ObjectName;
import fi.sd.testsupport.S3TestServer;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * {@code PUT /permits/{id}/releases/{releaseId}/files/{name}} against the real S3 server: the bytes
 * stored encrypted and verified, bad uploads refused with nothing left behind, retries idempotent,
 * the limits.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ReleaseUploadTest {

    private static final String CSV = "avohilmo/visits.csv";

    @Inject
    EncryptedObjectStore store;

    @Test
    void aFewMegabyteCsvIsStoredEncryptedInPartsAndReadsBackWithItsSha256() throws IOException {
        String marker = "MARKER-" + UUID.randomUUID();
        byte[] csv = ("id,diagnosis,note\n" + ("42,E11.9," + marker + "\n").repeat(120_000)).getBytes(StandardCharsets.UTF_8);
        Release release = declare(Map.of(CSV, csv));

        PermitApi.upload(FINDATA, release.permitId, release.id, CSV, csv).statusCode(201)
                .header("Location", containsString("/releases/" + release.id + "/files/" + CSV))
                .body("name", equalTo(CSV))
                .body("sizeBytes", equalTo(csv.length))
                .body("sha256", equalTo(PermitApi.sha256(csv)))
                .body("state", equalTo("STORED"))
                .body("storedBy", equalTo("findata.officer"))
                .body("releaseStatus", equalTo("RELEASED"));

        String storageKey = PermitEvents.body(PermitEvents.awaitOne(EventType.DATA_RELEASED, release.permitId)).at("/files/0/storageKey")
                .asText();
        ObjectName object = new ObjectName(release.permitId, storageKey);
        assertThat(store.digest(object).sha256()).isEqualTo(PermitApi.sha256(csv));
        assertThat(Files.size(objectFile(object))).isGreaterThan(csv.length);
        assertThat(filesContaining(marker)).as("no plaintext in the S3 server's files").isEmpty();
    }

    @Test
    void aWrongSha256Is422AndLeavesNothingStored() {
        byte[] csv = "a,b\n1,2\n".getBytes();
        Release release = declare(Map.of(CSV, csv));
        byte[] other = "a,b\n1,3\n".getBytes();

        PermitApi.upload(FINDATA, release.permitId, release.id, CSV, other).statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sha256"))
                .body("errors[0].message", containsString(PermitApi.sha256(other)));

        assertThat(store.list(release.permitId)).isEmpty();
        PermitApi.get(FINDATA, release.path()).statusCode(200).body("status", equalTo("UPLOADING"))
                .body("files[0].state", equalTo("PENDING"));
        PermitApi.upload(FINDATA, release.permitId, release.id, CSV, csv).statusCode(201);
    }

    @Test
    void aBodyOfAnotherSizeThanDeclaredIs422AndLeavesNothingStored() {
        byte[] csv = "a,b\n1,2\n".getBytes();
        Release release = declare(Map.of(CSV, csv));

        PermitApi.upload(FINDATA, release.permitId, release.id, CSV, "a,b\n".getBytes()).statusCode(422)
                .body("declaredBytes", equalTo(csv.length));
        PermitApi.upload(FINDATA, release.permitId, release.id, CSV, "a,b\n1,2\n3,4\n".getBytes()).statusCode(422);

        assertThat(store.list(release.permitId)).isEmpty();
    }

    @Test
    void aRepeatedUploadOfTheSameBytesIsTheSameFileAndOtherBytesAre409() {
        byte[] csv = "a,b\n1,2\n".getBytes();
        Release release = declare(Map.of(CSV, csv));
        String first = PermitApi.upload(FINDATA, release.permitId, release.id, CSV, csv).statusCode(201).extract().asString();

        String again = PermitApi.upload(FINDATA, release.permitId, release.id, CSV, csv).statusCode(200).extract().asString();
        PermitApi.upload(FINDATA, release.permitId, release.id, CSV, "a,b\n1,3\n".getBytes()).statusCode(409)
                .contentType("application/problem+json");

        assertThat(again).isEqualTo(first);
        assertThat(store.list(release.permitId)).hasSize(1);
        try (TopicReader reader = PermitEvents.reader()) {
            PermitEvents.exactly(reader, EventType.DATA_RELEASED, release.permitId, 1);
        }
    }

    @Test
    void onlyTheIssuerUploadsOnlyDeclaredFilesOfAnActivePermit() {
        byte[] csv = "a\n".getBytes();
        Release release = declare(Map.of(CSV, csv));

        given().contentType("application/octet-stream").body(csv).when().put(release.path() + "/files/" + CSV).then().statusCode(401);
        PermitApi.upload(AINO, release.permitId, release.id, CSV, csv).statusCode(403);
        PermitApi.upload(STRANGER, release.permitId, release.id, CSV, csv).statusCode(404);
        PermitApi.upload(THL, release.permitId, release.id, CSV, csv).statusCode(404);
        PermitApi.upload(FINDATA, release.permitId, release.id, "avohilmo/other.csv", csv).statusCode(404);
        PermitApi.upload(FINDATA, release.permitId, "no-such-release", CSV, csv).statusCode(404);
        given().header("Authorization", FINDATA).contentType(ContentType.JSON).body("{}").when().put(release.path() + "/files/" + CSV)
                .then().statusCode(415);

        PermitApi.revoke(FINDATA, release.permitId, "Withdrawn").statusCode(200);
        PermitApi.upload(FINDATA, release.permitId, release.id, CSV, csv).statusCode(409);
        assertThat(store.list(release.permitId)).isEmpty();
    }

    @Test
    void aFileOverTheLargestSizeAndReleasesOverThePermitsQuotaAre413WithTheLimit() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        String id = PermitApi.record(FINDATA, body);
        String datasetId = datasetOf(body);
        long maxFile = 24L * 1024 * 1024;
        long quota = 40L * 1024 * 1024;

        PermitApi.release(FINDATA, id, Map.of("datasetId", datasetId, "files", List.of(file("big.bin", maxFile + 1))))
                .statusCode(413).contentType("application/problem+json").body("type", endsWith("/too-large")).body("maxFileSizeBytes", equalTo((int) maxFile));
        PermitApi.release(FINDATA, id, Map.of("datasetId", datasetId, "files", List.of(file("a.bin", maxFile)))).statusCode(201);
        PermitApi.release(FINDATA, id, Map.of("datasetId", datasetId, "files", List.of(file("b.bin", quota - maxFile + 1))))
                .statusCode(413).body("quotaBytes", equalTo((int) quota)).body("usedBytes", equalTo((int) maxFile));
    }

    @Test
    void aJsonBodyOverItsLimitIs413BeforeItIsRead() {
        byte[] huge = ("{\"reason\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}").getBytes();

        given().header("Authorization", FINDATA).contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/permits/any/revocation")
                .then().statusCode(413).contentType("application/problem+json").body("type", endsWith("/payload-too-large")).body("maxBytes", equalTo(10 * 1024 * 1024));
    }

    private static Release declare(Map<String, byte[]> files) {
        Map<String, Object> body = PermitFixtures.findataPermit();
        String id = PermitApi.record(FINDATA, body);
        List<Map<String, Object>> declared = files.entrySet().stream()
                .map(f -> Map.<String, Object>of("name", f.getKey(), "sizeBytes", f.getValue().length, "sha256", PermitApi.sha256(f.getValue())))
                .toList();
        String releaseId = PermitApi.release(FINDATA, id, Map.of("datasetId", datasetOf(body), "files", declared)).statusCode(201)
                .extract().path("id");
        return new Release(id, releaseId);
    }

    private static Map<String, Object> file(String name, long sizeBytes) {
        return Map.of("name", name, "sizeBytes", sizeBytes, "sha256", "0".repeat(64));
    }

    @SuppressWarnings("unchecked")
    private static String datasetOf(Map<String, Object> permit) {
        return (String) ((List<Map<String, Object>>) permit.get("datasets")).get(0).get("id");
    }

    private static Path objectFile(ObjectName object) {
        return S3TestServer.shared().dataDir().resolve(ServiceTestEnvironment.STORAGE_BUCKET).resolve(object.key());
    }

    private static List<Path> filesContaining(String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(S3TestServer.shared().dataDir())) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            String haystack = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return haystack.contains(new String(needle, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Release(String permitId, String id) {

        String path() {
            return "/api/v1/permits/" + permitId + "/releases/" + id;
        }
    }
}
