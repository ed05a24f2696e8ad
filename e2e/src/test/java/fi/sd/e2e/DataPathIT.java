package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.sd.platform.rest.ProblemException;
import fi.sd.storage.StandaloneStorage;
import fi.sd.testsupport.sandbox.HostCommand;

/**
 * Released data into a real desktop, on the real stack (gateway, Kafka, S3Proxy, the local provider's
 * sandboxes): the Findata officer uploads a CSV of a few MB; the researcher's desktop shows it read-only at
 * {@code /data/{datasetId}/{releaseId}} with the same SHA-256, read inside the sandbox by the desktop's own uid;
 * the object store holds no plaintext; after the permit's end and the purge, the decrypted copy and the stored
 * objects are gone and the workspace key destroyed, as the deletion record says. Results out: a file the desktop's
 * user writes to {@code /export} is requested, read by the service desk before the review while its requester
 * cannot, approved by two reviewers, and downloaded by the requester through an expiring link, byte for byte and
 * audited; a link in {@code /export} is refused. An import's uploaded file appears read-only in the desktop.
 */
class DataPathIT extends SystemTest {

    private static final Duration FLOW = Duration.ofSeconds(90);
    private static final String NAME = "avohilmo/visits.csv";

    @Test
    void aReleasedCsvIsReadInTheDesktopWithItsSha256AndShreddedByThePurge() throws IOException {
        String project = "data-path-" + UUID.randomUUID();
        String permitId = api.grantFindataPermit(project, system.today().plusDays(30));
        String workspaceId = Flows.awaitWorkspace(api, project, "READY");
        String marker = "MARKER-" + UUID.randomUUID();
        byte[] csv = Releases.csvWithMarker(marker);
        String sha256 = Releases.sha256(csv);

        String releaseId = Releases.deliver(api::asFindata, permitId, "thl-avohilmo", Map.of(NAME, csv));
        await().atMost(FLOW).untilAsserted(() -> api.as(Api.RESEARCHER, "researcher").get("/workspaces/{id}", workspaceId)
                .then().statusCode(200).body("datasets.find { it.releaseId == '" + releaseId + "' }.delivery", is("DELIVERED")));
        Path bound = system.desktopStateDirectory().resolve("releases").resolve(releaseId).resolve(NAME);
        assertThat(Releases.sha256(Files.readAllBytes(bound))).as("the file bound into the desktops").isEqualTo(sha256);

        String desktopId = Flows.runningDesktop(api, workspaceId);
        long sandbox = LocalSandboxes.recordedSandboxPid(system, desktopId).orElseThrow();
        String uid = HostCommand.status(sandbox, "Uid:").split("\t")[0];
        String inDesktop = "/data/thl-avohilmo/" + releaseId + "/" + NAME;
        HostCommand sum = HostCommand.inNamespaces(sandbox, "m",
                "setpriv --reuid=" + uid + " --regid=" + uid + " --clear-groups sha256sum " + inDesktop);
        assertThat(sum.exit()).as(sum.output()).isZero();
        assertThat(sum.output()).as("read inside the sandbox by the desktop's uid").startsWith(sha256 + " ");
        HostCommand write = HostCommand.inNamespaces(sandbox, "m", "echo changed >> " + inDesktop);
        assertThat(write.output()).contains("Read-only file system");
        assertThat(Releases.filesContaining(system.storedObjects(), marker)).as("no plaintext at rest").isEmpty();

        system.advanceClock(Duration.ofDays(31));
        Flows.awaitWorkspaceStatus(api, workspaceId, "PURGED");
        await().atMost(FLOW).untilAsserted(() -> api.as("auditor.anna", "auditor").queryParam("workspaceId", workspaceId)
                .get("/audit").then().statusCode(200).body("action", hasItems("release.delivered", "workspace.purged",
                        "workspace.shredded")));
        assertThat(bound.getParent().getParent()).as("the decrypted copy").doesNotExist();
        try (StandaloneStorage storage = system.storage()) {
            assertThat(storage.store().list(permitId)).as("the stored objects").isEmpty();
            assertThat(storage.keys().destroyed(permitId)).as("the workspace key").isTrue();
            assertThatThrownBy(() -> storage.keys().current(permitId)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.status()).isEqualTo(410));
        }
    }

    @Test
    void aResultFileLeavesOnlyAfterReviewAndAnImportedFileArrivesReadOnly() throws IOException {
        String project = "data-out-" + UUID.randomUUID();
        api.grantFindataPermit(project, system.today().plusDays(30));
        String workspaceId = Flows.awaitWorkspace(api, project, "READY");
        String desktopId = Flows.runningDesktop(api, workspaceId);
        long sandbox = LocalSandboxes.recordedSandboxPid(system, desktopId).orElseThrow();
        String asUser = "setpriv --reuid=" + HostCommand.status(sandbox, "Uid:").split("\t")[0] + " --regid="
                + HostCommand.status(sandbox, "Gid:").split("\t")[0] + " --clear-groups ";
        String marker = "RESULT-" + UUID.randomUUID();
        HostCommand written = HostCommand.inNamespaces(sandbox, "m", asUser + "sh -c 'mkdir -p /export/results && "
                + "(echo municipality,count,note; yes Helsinki,117," + marker + " | head -n 20000) > /export/results/table1.csv && "
                + "ln -s /etc/passwd /export/results/passwd.csv'");
        assertThat(written.exit()).as(written.output()).isZero();
        byte[] result = Files.readAllBytes(system.desktopStateDirectory().resolve("workspaces").resolve(workspaceId)
                .resolve("export/results/table1.csv"));
        String sha256 = Releases.sha256(result);

        api.as(Api.RESEARCHER, "researcher").body(Map.of("files", List.of(Map.of("path", "results/passwd.csv")), "riskLevel", "LOW",
                "findataNotificationRef", "FD-2026-0100")).post("/workspaces/{id}/exports", workspaceId).then().statusCode(422)
                .body("errors[0].field", is("files[0].path")).body("errors[0].message", containsString("symbolic link"));
        String exportId = Flows.requestExport(() -> api.as(Api.RESEARCHER, "researcher"), workspaceId, Map.of("files",
                List.of(Map.of("path", "results/table1.csv")), "riskLevel", "HIGH", "riskAssessment",
                "Counts by municipality, every cell n >= 5.", "findataNotificationRef", "FD-2026-0101"))
                .body("files[0].sizeBytes", is(result.length)).body("files[0].sha256", is(sha256)).extract().path("id");
        assertThat(Releases.filesContaining(system.storedObjects(), marker)).as("no plaintext of the result at rest").isEmpty();

        String file = "/exports/{id}/files/results/table1.csv";
        assertThat(api.as(Api.SERVICE_DESK, "service-desk").get(file, exportId).then().statusCode(200)
                .header("ETag", "\"" + sha256 + "\"").extract().asByteArray()).as("the service desk's read before approval")
                .isEqualTo(result);
        api.as(Api.RESEARCHER, "researcher").get(file, exportId).then().statusCode(403);
        api.as(Api.RESEARCHER, "researcher").post("/exports/{id}/download-links", exportId).then().statusCode(409);
        api.as("ella.nieminen", "researcher").get(file, exportId).then().statusCode(404);
        api.as("ella.nieminen", "researcher").post("/exports/{id}/download-links", exportId).then().statusCode(404);

        api.as(Api.SERVICE_DESK, "service-desk").post("/exports/{id}/approve", exportId).then().statusCode(200)
                .body("status", is("IN_REVIEW"));
        api.asFindata().post("/exports/{id}/approve", exportId).then().statusCode(200).body("status", is("APPROVED"));
        String href = api.as(Api.RESEARCHER, "researcher").post("/exports/{id}/download-links", exportId).then().statusCode(201)
                .body("links[0].sha256", is(sha256)).extract().path("links[0].href");
        byte[] downloaded = api.as(Api.RESEARCHER, "researcher").basePath("").get(href).then().statusCode(200)
                .header("Content-Disposition", containsString("table1.csv")).header("Content-Length", String.valueOf(result.length))
                .extract().asByteArray();
        assertThat(Releases.sha256(downloaded)).as("the requester's download").isEqualTo(sha256);
        api.as(Api.SERVICE_DESK, "service-desk").basePath("").get(href).then().statusCode(404);
        await().atMost(FLOW).untilAsserted(() -> api.as("auditor.anna", "auditor").queryParam("workspaceId", workspaceId)
                .get("/audit").then().statusCode(200).body("action", hasItems("export.file.read", "export.approved",
                        "export.downloaded")));

        String importId = importedFileArrivesReadOnly(workspaceId, sandbox, asUser);
        system.advanceClock(Duration.ofMinutes(16));
        api.as(Api.RESEARCHER, "researcher").basePath("").get(href).then().statusCode(403).body("detail", containsString("expired"));
        assertThat(importId).isNotBlank();
    }

    /** A member asks for a file, the service desk approves, uploads it through the gateway and completes: the desktop reads it. */
    private String importedFileArrivesReadOnly(String workspaceId, long sandbox, String asUser) {
        byte[] codes = "code,municipality\n091,Helsinki\n049,Espoo\n".getBytes(StandardCharsets.UTF_8);
        String importId = api.as(Api.RESEARCHER, "researcher").body(Map.of("kind", "DATA", "description", "Municipality codes",
                "files", List.of(Map.of("name", "codes/kunnat.csv", "sizeBytes", codes.length, "sha256", Releases.sha256(codes)))))
                .post("/workspaces/{id}/imports", workspaceId).then().statusCode(201).extract().path("id");
        api.as(Api.SERVICE_DESK, "service-desk").post("/imports/{id}/approve", importId).then().statusCode(200);
        api.as(Api.SERVICE_DESK, "service-desk").post("/imports/{id}/complete", importId).then().statusCode(409);
        api.as(Api.SERVICE_DESK, "service-desk").contentType("application/octet-stream").body(codes)
                .put("/imports/{id}/files/codes/kunnat.csv", importId).then().statusCode(201);
        api.as(Api.SERVICE_DESK, "service-desk").post("/imports/{id}/complete", importId).then().statusCode(200)
                .body("status", is("COMPLETED"));
        String inDesktop = "/imports/" + importId + "/codes/kunnat.csv";
        HostCommand sum = HostCommand.inNamespaces(sandbox, "m", asUser + "sha256sum " + inDesktop);
        assertThat(sum.output()).as("read in the desktop by its user").startsWith(Releases.sha256(codes) + " ");
        HostCommand write = HostCommand.inNamespaces(sandbox, "m", asUser + "sh -c 'echo changed >> " + inDesktop + "'");
        assertThat(write.exit()).isNotZero();
        assertThat(write.output()).containsAnyOf("Read-only file system", "Permission denied");
        return importId;
    }
}
