package fi.sd.desktop.airlock;

import static fi.sd.desktop.airlock.Airlock.AINO;
import static fi.sd.desktop.airlock.Airlock.AINO_AT_DESK;
import static fi.sd.desktop.airlock.Airlock.DESK;
import static fi.sd.desktop.airlock.Airlock.DESK_TOO;
import static fi.sd.desktop.airlock.Airlock.decide;
import static fi.sd.desktop.airlock.Airlock.get;
import static fi.sd.desktop.airlock.Airlock.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.sd.storage.EncryptedObjectStore;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Imports carry bytes: after its approval the service desk uploads the files the import declared (each checked
 * against what it declared, a repeated upload answered with the stored file), and {@code complete} waits for all
 * of them; a rejected import's files are deleted.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ImportFilesTest {

    private static final byte[] PACKAGE = "lme4_1.1-35.tar.gz bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOTES = "install notes\n".getBytes(StandardCharsets.UTF_8);

    @Inject
    EncryptedObjectStore store;

    @Test
    void theServiceDeskUploadsTheDeclaredFilesAndCompletesOnlyOnceAllAreIn() {
        Airlock.Opened workspace = Airlock.open();
        String id = post(AINO, "/api/v1/workspaces/" + workspace.workspaceId() + "/imports", Map.of("kind", "SOFTWARE",
                "description", "R package lme4", "files", List.of(
                        Map.of("name", "lme4/lme4_1.1-35.tar.gz", "sizeBytes", PACKAGE.length, "sha256", Airlock.sha256(PACKAGE)),
                        Map.of("name", "notes.txt")))).statusCode(201)
                .body("files.name", is(List.of("lme4/lme4_1.1-35.tar.gz", "notes.txt"))).body("files.uploaded", is(List.of(false, false)))
                .extract().path("id");
        upload(DESK, id, "notes.txt", NOTES).statusCode(409);
        decide(DESK, "imports", id, "approve").statusCode(200);

        upload(AINO, id, "notes.txt", NOTES).statusCode(403);
        upload(AINO_AT_DESK, id, "notes.txt", NOTES).statusCode(403);
        upload(TestTokens.user("olli.ulkopuolinen", "researcher").bearer(), id, "notes.txt", NOTES).statusCode(404);
        upload(DESK, id, "other.txt", NOTES).statusCode(404);
        upload(DESK, id, "lme4/lme4_1.1-35.tar.gz", "other bytes of the same size!!".substring(0, PACKAGE.length)
                .getBytes(StandardCharsets.UTF_8)).statusCode(422).body("errors[0].field", is("sha256"));
        upload(DESK, id, "lme4/lme4_1.1-35.tar.gz", NOTES).statusCode(422).body("type", is("https://sd.fi/problems/size-mismatch"));
        assertThat(store.list(workspace.permitId())).as("nothing kept of refused uploads").isEmpty();

        upload(DESK, id, "lme4/lme4_1.1-35.tar.gz", PACKAGE).statusCode(201).body("uploaded", is(true))
                .body("sha256", is(Airlock.sha256(PACKAGE))).body("uploadedBy", is("desk.dan"));
        decide(DESK, "imports", id, "complete").statusCode(409).body("detail", containsString("notes.txt"));
        upload(DESK_TOO, id, "notes.txt", NOTES).statusCode(201).body("sizeBytes", is(NOTES.length));
        upload(DESK, id, "notes.txt", NOTES).statusCode(200).body("uploadedBy", is("desk.dora"));
        upload(DESK, id, "notes.txt", "changed notes\n".getBytes(StandardCharsets.UTF_8)).statusCode(409);
        assertThat(store.list(workspace.permitId())).hasSize(2);

        decide(DESK, "imports", id, "complete").statusCode(200).body("status", is("COMPLETED"))
                .body("files.uploaded", is(List.of(true, true)));
        upload(DESK, id, "notes.txt", NOTES).statusCode(409);
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("import.requested", "import.approved", "import.file.uploaded",
                "import.file.uploaded", "import.delivered", "import.completed");
    }

    @Test
    void anImportWithoutDeclaredFilesTakesAnyValidNameAndARejectedOnesFilesAreDeleted() {
        Airlock.Opened workspace = Airlock.open();
        String id = post(AINO, "/api/v1/workspaces/" + workspace.workspaceId() + "/imports", Map.of("kind", "DATA",
                "description", "Reference table of municipality codes")).statusCode(201).extract().path("id");
        decide(DESK, "imports", id, "approve").statusCode(200);
        upload(DESK, id, "codes/kunnat.csv", NOTES).statusCode(201);
        upload(DESK, id, "codes\\kunnat.csv", NOTES).statusCode(400).body("errors[0].field", is("name"));
        get(AINO, "/api/v1/imports/" + id).statusCode(200).body("files.name", is(List.of("codes/kunnat.csv")));
        assertThat(store.list(workspace.permitId())).hasSize(1);

        decide(DESK, "imports", id, "fail", "The table has personal data").statusCode(200).body("status", is("FAILED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.list(workspace.permitId())).isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Airlock.auditActions(workspace))
                .containsSubsequence("import.failed", "import.files.deleted"));
    }

    private static ValidatableResponse upload(String token, String importId, String name, byte[] content) {
        return given().header("Authorization", token).contentType("application/octet-stream").body(content)
                .put("/api/v1/imports/" + importId + "/files/" + name).then();
    }
}
