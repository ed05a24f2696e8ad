package fi.sd.desktop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.DesktopApi;
import fi.sd.desktop.provider.local.LocalDesktopProvider;
import fi.sd.desktop.service.WorkspacePurgeJob;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.events.permit.ReleasedFile;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.ObjectName;
import fi.sd.storage.StoredObject;
import fi.sd.testsupport.S3TestServer;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.sandbox.HostCommand;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A release's stored files reach real desktops: decrypted from the object store (a real S3 server) into the
 * release's folder, shown read-only at {@code /data/{datasetId}/{releaseId}} and readable by the desktop's own
 * uid with the released SHA-256, never in plaintext in the object store; a file that is not what its release
 * declares never shows; a redelivered event delivers nothing twice; the purge removes the decrypted copy from the
 * host and shreds the stored one.
 */
@QuarkusTest
@TestProfile(LocalDesktops.class)
@WithTestResource(ServiceTestEnvironment.class)
class ReleaseDeliveryTest {

    @Inject
    LocalDesktopProvider provider;

    @Inject
    EncryptedObjectStore store;

    @Inject
    WorkspacePurgeJob purge;

    @ConfigProperty(name = "sd.desktop.provider.local.state-dir")
    Path stateDir;

    @Test
    void aReleasedCsvShowsDecryptedAndReadOnlyInTheDesktopWithItsSha256() throws IOException {
        String aino = DesktopApi.person("aino");
        String releaseId = UUID.randomUUID().toString();
        byte[] csv = csv(3 * 1024 * 1024, "MARKER-" + releaseId);
        String sha256 = sha256(csv);
        PermitGranted granted = DesktopApi.grantedTo(List.of(aino));
        String workspaceId = DesktopApi.readyWorkspace(granted);
        DataReleased release = storedRelease(granted, releaseId, "2024/visits.csv", csv, sha256);
        TestEvents.publish(release);
        awaitDelivery(aino, workspaceId, releaseId, "DELIVERED");

        Path onHost = stateDir.resolve("releases").resolve(releaseId).resolve("2024/visits.csv");
        assertThat(sha256(Files.readAllBytes(onHost))).isEqualTo(sha256);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(onHost))).isEqualTo("rw-r--r--");
        try (Stream<Path> staging = Files.list(stateDir.resolve("staging"))) {
            assertThat(staging).as("nothing left half-written").isEmpty();
        }

        String desktopId = DesktopApi.running(DesktopApi.member(aino), workspaceId, "analysis");
        long pid = provider.sandboxPid(desktopId).orElseThrow();
        int uid = provider.hostUidOf(desktopId).orElseThrow();
        String inDesktop = "/data/thl-avohilmo/" + releaseId + "/2024/visits.csv";
        HostCommand sum = HostCommand.inNamespaces(pid, "m",
                "setpriv --reuid=" + uid + " --regid=" + uid + " --clear-groups sha256sum " + inDesktop);
        assertThat(sum.exit()).as(sum.output()).isZero();
        assertThat(sum.output()).startsWith(sha256 + " ");
        HostCommand write = HostCommand.inNamespaces(pid, "m", "echo changed >> " + inDesktop);
        assertThat(write.exit()).isNotZero();
        assertThat(write.output()).contains("Read-only file system");

        TestEvents.publish(release);
        DesktopApi.awaitAudit(workspaceId, "release.delivered");
        long deliveries = DesktopApi.audit(workspaceId).extract().jsonPath().getList("action", String.class).stream()
                .filter("release.delivered"::equals).count();
        assertThat(deliveries).as("a redelivered event delivers nothing twice").isEqualTo(1);

        assertThat(HostCommand.run("grep", "-rlF", "MARKER-" + releaseId, S3TestServer.shared().dataDir().toString()).output())
                .as("no plaintext in the object store").isBlank();

        TestEvents.publish(new PermitRevoked(granted.permitId(), 1, granted.permit().projectId(), "Ended", "findata.officer",
                Instant.now()));
        DesktopApi.awaitStatus(desktopId, "STOPPED");
        TestClock.INSTANCE.advance(Duration.ofDays(91));
        try {
            assertThat(purge.run()).isGreaterThanOrEqualTo(1);
        } finally {
            TestClock.INSTANCE.reset();
        }
        assertThat(stateDir.resolve("releases").resolve(releaseId)).as("the decrypted copy").doesNotExist();
        assertThat(stateDir.resolve("workspaces").resolve(workspaceId)).doesNotExist();
        assertThat(store.list(granted.permitId())).isEmpty();
        DesktopApi.awaitAudit(workspaceId, "workspace.purged", "workspace.shredded");
    }

    @Test
    void aFileThatIsNotWhatItsReleaseDeclaresNeverShows() throws IOException {
        String aino = DesktopApi.person("aino");
        PermitGranted granted = DesktopApi.grantedTo(List.of(aino));
        String workspaceId = DesktopApi.readyWorkspace(granted);
        String releaseId = UUID.randomUUID().toString();
        TestEvents.publish(storedRelease(granted, releaseId, "visits.csv", csv(64 * 1024, "other"), "0".repeat(64)));

        awaitDelivery(aino, workspaceId, releaseId, "FAILED");
        DesktopApi.awaitAudit(workspaceId, "release.delivery.failed");
        assertThat(Files.exists(stateDir.resolve("releases").resolve(releaseId).resolve("visits.csv"))).isFalse();
        assertThat(Files.readString(stateDir.resolve("releases").resolve(releaseId).resolve("MANIFEST.txt"))).contains("visits.csv");
    }

    /** The file stored encrypted as permit-service stores it, and its release declaring {@code sha256}. */
    private DataReleased storedRelease(PermitGranted granted, String releaseId, String name, byte[] content, String sha256) {
        StoredObject stored = store.put(ObjectName.unique(granted.permitId(), "releases", releaseId), new ByteArrayInputStream(content),
                content.length);
        return new DataReleased(releaseId, granted.permitId(), granted.permit().projectId(), "thl-avohilmo",
                List.of(new ReleasedFile(name, content.length, sha256, stored.name().path())), "findata.officer", Instant.now());
    }

    private static void awaitDelivery(String person, String workspaceId, String releaseId, String delivery) {
        await().atMost(DesktopApi.TIMEOUT).untilAsserted(() -> given().header("Authorization", DesktopApi.member(person))
                .when().get("/api/v1/workspaces/" + workspaceId).then().statusCode(200)
                .body("datasets.find { it.releaseId == '" + releaseId + "' }.delivery", org.hamcrest.Matchers.is(delivery)));
    }

    /** A CSV of about {@code size} bytes whose rows carry {@code marker}. */
    static byte[] csv(int size, String marker) {
        StringBuilder text = new StringBuilder("visit_id,patient,marker\n");
        for (int row = 0; text.length() < size; row++) {
            text.append(row).append(',').append(row * 7919 % 100_003).append(',').append(marker).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
