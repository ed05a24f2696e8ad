package fi.sd.desktop.airlock;

import static fi.sd.desktop.airlock.Airlock.AINO;
import static fi.sd.desktop.airlock.Airlock.AUTHORITY;
import static fi.sd.desktop.airlock.Airlock.DESK;
import static fi.sd.desktop.airlock.Airlock.MIKKO;
import static fi.sd.desktop.airlock.Airlock.OUTSIDER;
import static fi.sd.desktop.airlock.Airlock.decide;
import static fi.sd.desktop.airlock.Airlock.get;
import static fi.sd.desktop.airlock.Airlock.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.WorkspaceApi;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Exports carry bytes: the service copies the named files from the workspace's {@code /export} at request time
 * (the simulated cloud's folder here; the local provider's in {@code LocalExportFolderTest} and the e2e tests),
 * its reviewers read and preview them, the requester downloads them through expiring links of their own once
 * approved, and a rejected export's bytes are deleted.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class ExportContentTest {

    private static final String CSV = "Results/table1.csv";

    @Inject
    EncryptedObjectStore store;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void theCopiedBytesAreReadByReviewersAndDownloadedByTheRequesterOnceApproved() {
        Airlock.Opened workspace = Airlock.open();
        byte[] content = Airlock.result(CSV);
        String sha256 = Airlock.sha256(content);
        String id = Airlock.submitExport(workspace, Map.of("files", List.of(Map.of("path", CSV)), "riskLevel", "LOW",
                "findataNotificationRef", "FD-1"));
        // What leaves is what was copied at request time, whatever the desktop does with /export afterwards.
        Airlock.saveInExport(workspace, CSV, "changed later".getBytes(StandardCharsets.UTF_8));
        get(AINO, "/api/v1/exports/" + id).statusCode(200).body("files[0].sizeBytes", is(content.length))
                .body("files[0].sha256", is(sha256));

        ExtractableResponse<Response> read = get(DESK, "/api/v1/exports/" + id + "/files/" + CSV).statusCode(200)
                .header("Content-Disposition", startsWith("attachment; filename=\"table1.csv\""))
                .header("ETag", "\"" + sha256 + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .header("Content-Length", String.valueOf(content.length)).extract();
        assertThat(read.asByteArray()).isEqualTo(content);
        get(AUTHORITY, "/api/v1/exports/" + id + "/files/" + CSV + "?preview=true").statusCode(200)
                .contentType("text/plain;charset=UTF-8").header("X-Preview-Truncated", "false")
                .body(is(new String(content, StandardCharsets.UTF_8)));
        get(AINO, "/api/v1/exports/" + id + "/files/" + CSV).statusCode(403).body("type", is("https://sd.fi/problems/forbidden"));
        get(MIKKO, "/api/v1/exports/" + id + "/files/" + CSV).statusCode(403);
        get(OUTSIDER, "/api/v1/exports/" + id + "/files/" + CSV).statusCode(404);
        get(DESK, "/api/v1/exports/" + id + "/files/Results/other.csv").statusCode(404);
        post(AINO, "/api/v1/exports/" + id + "/download-links", Map.of()).statusCode(409).body("type", is("https://sd.fi/problems/conflict"));
        post(DESK, "/api/v1/exports/" + id + "/download-links", Map.of()).statusCode(403);
        post(OUTSIDER, "/api/v1/exports/" + id + "/download-links", Map.of()).statusCode(404);

        decide(DESK, "exports", id, "approve").statusCode(200).body("status", is("APPROVED"));
        get(DESK, "/api/v1/exports/" + id + "/files/" + CSV).statusCode(200);
        ExtractableResponse<Response> links = post(AINO, "/api/v1/exports/" + id + "/download-links", Map.of()).statusCode(201)
                .body("links[0].path", is(CSV)).body("links[0].sha256", is(sha256)).body("links[0].sizeBytes", is(content.length))
                .body("links[0].href", startsWith("/api/v1/export-downloads/")).extract();
        String href = links.path("links[0].href");
        String token = href.substring(href.lastIndexOf('/') + 1);
        byte[] downloaded = given().header("Authorization", AINO).get(href).then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment;")).header("ETag", "\"" + sha256 + "\"").extract().asByteArray();
        assertThat(downloaded).isEqualTo(content);
        given().get(href).then().statusCode(401);
        given().header("Authorization", MIKKO).get(href).then().statusCode(404);
        given().header("Authorization", AINO).get("/api/v1/export-downloads/" + token + "x").then().statusCode(404);

        TestClock.INSTANCE.advance(Duration.ofMinutes(16));
        given().header("Authorization", AINO).get(href).then().statusCode(403).body("detail", containsString("expired"));
        assertThat(Airlock.auditActions(workspace)).containsSubsequence("export.requested", "export.file.read", "export.file.read",
                "export.approved", "export.download-links.issued", "export.downloaded");
        get(WorkspaceApi.AUDITOR, "/api/v1/audit?workspaceId=" + workspace.workspaceId() + "&actor=aino.virtanen").statusCode(200)
                .body("find { it.action == 'export.downloaded' }.detail", containsString(CSV + " (" + content.length
                        + " bytes, SHA-256 " + sha256 + ")"));
    }

    @Test
    void aPathNotInExportOrNotMatchingWhatIsGivenIsRefusedAndNothingIsKept() {
        Airlock.Opened workspace = Airlock.open();
        String path = "/api/v1/workspaces/" + workspace.workspaceId() + "/exports";
        byte[] content = Airlock.result(CSV);
        Airlock.saveInExport(workspace, CSV, content);
        post(AINO, path, Map.of("files", List.of(Map.of("path", CSV), Map.of("path", "Results/missing.csv")), "riskLevel", "LOW",
                "findataNotificationRef", "FD-1")).statusCode(422).body("errors[0].field", is("files[1].path"))
                .body("errors[0].message", containsString("Results/missing.csv"));
        post(AINO, path, Map.of("files", List.of(Map.of("path", CSV, "sizeBytes", content.length + 1)), "riskLevel", "LOW",
                "findataNotificationRef", "FD-1")).statusCode(422).body("type", is("https://sd.fi/problems/size-mismatch"));
        get(AINO, path).statusCode(200).header("X-Total-Count", "0");
        // A SHA-256 is checked against the copy: the export fails, and its copy is deleted.
        String mismatched = Airlock.requestExport(workspace, Map.of("files", List.of(Map.of("path", CSV, "sha256", "0".repeat(64))),
                "riskLevel", "LOW", "findataNotificationRef", "FD-1"));
        assertThat(Airlock.awaitCopyEnd(mismatched)).isEqualTo("COPY_FAILED");
        get(AINO, "/api/v1/exports/" + mismatched).statusCode(200).body("copyError", is("/export/" + CSV + " has SHA-256 "
                + Airlock.sha256(content) + ", not the " + "0".repeat(64) + " given"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.list(workspace.permitId()))
                .as("the copies of refused and failed requests").isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Airlock.auditActions(workspace))
                .containsSubsequence("export.copying", "export.copy.failed", "export.files.deleted").doesNotContain("export.requested"));
        get(DESK, "/api/v1/exports/" + mismatched + "/files/" + CSV).statusCode(404);
    }

    @Test
    void aRejectedExportsBytesAreDeletedAndRecorded() {
        Airlock.Opened workspace = Airlock.open();
        String id = Airlock.submitExport(workspace, Airlock.lowRiskExport(CSV));
        assertThat(store.list(workspace.permitId())).hasSize(1);
        decide(DESK, "exports", id, "reject", "Cells under five").statusCode(200).body("status", is("REJECTED"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.list(workspace.permitId())).isEmpty());
        get(DESK, "/api/v1/exports/" + id + "/files/" + CSV).statusCode(404).body("detail", containsString("deleted"));
        post(AINO, "/api/v1/exports/" + id + "/download-links", Map.of()).statusCode(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Airlock.auditActions(workspace))
                .containsSubsequence("export.rejected", "export.files.deleted"));

        String cancelled = Airlock.submitExport(workspace, Airlock.lowRiskExport("Results/t2.csv"));
        decide(AINO, "exports", cancelled, "cancel").statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.list(workspace.permitId())).isEmpty());
    }

    @Test
    void aPreviewIsCutAtItsLimitAndOnlyForTextFilesAndTheQuotaIsKept() {
        Airlock.Opened workspace = Airlock.open();
        byte[] big = ("é,x\n".repeat(40_000)).getBytes(StandardCharsets.UTF_8);
        Airlock.saveInExport(workspace, "Results/big.csv", big);
        Airlock.saveInExport(workspace, "Results/model.rds", new byte[] { 1, 2, 3 });
        String id = Airlock.awaitCopied(Airlock.requestExport(workspace, Map.of("files",
                List.of(Map.of("path", "Results/big.csv"), Map.of("path", "Results/model.rds")), "riskLevel", "LOW",
                "findataNotificationRef", "FD-1")));
        String preview = get(DESK, "/api/v1/exports/" + id + "/files/Results/big.csv?preview=true").statusCode(200)
                .header("X-Preview-Truncated", "true").extract().asString();
        assertThat(preview.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024).isGreaterThan(60 * 1024);
        assertThat(preview).doesNotContain("\uFFFD").startsWith("é,x\n");
        get(DESK, "/api/v1/exports/" + id + "/files/Results/model.rds?preview=true").statusCode(415)
                .body("type", is("https://sd.fi/problems/unsupported-media-type"));

        // The test profile's workspace quota is 1 MiB.
        Airlock.saveInExport(workspace, "Results/huge.csv", new byte[1024 * 1024]);
        post(AINO, "/api/v1/workspaces/" + workspace.workspaceId() + "/exports", Map.of("files", List.of(Map.of("path",
                "Results/huge.csv")), "riskLevel", "LOW", "findataNotificationRef", "FD-1")).statusCode(413)
                .body("type", is("https://sd.fi/problems/too-large")).body("quotaBytes", is(1024 * 1024));
        assertThat(store.list(workspace.permitId())).hasSize(2);
        String other = TestTokens.user("someone.else", "researcher").bearer();
        get(other, "/api/v1/exports/" + id + "/files/Results/big.csv").statusCode(404);
    }
}
