package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * objects are gone and the workspace key destroyed, as the deletion record says.
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
}
