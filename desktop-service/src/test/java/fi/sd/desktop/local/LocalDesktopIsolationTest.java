package fi.sd.desktop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.DesktopApi;
import fi.sd.desktop.provider.local.LocalDesktopProvider;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.events.permit.ReleasedFile;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.sandbox.HostCommand;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Real desktops, looked at from outside their sandboxes (nsenter into their namespaces, /proc): no network but
 * {@code lo} and no way to a host port, no TCP listener, released data read-only, nothing of another workspace
 * or of the host's state, an unprivileged uid of its own with no capabilities and none of the service's
 * environment; pause, reboot, crash, lock and delete act on the real processes.
 */
@QuarkusTest
@TestProfile(LocalDesktops.class)
@WithTestResource(ServiceTestEnvironment.class)
class LocalDesktopIsolationTest {

    @Inject
    LocalDesktopProvider provider;

    @ConfigProperty(name = "sd.desktop.provider.local.state-dir")
    Path stateDir;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    @Test
    void aDesktopHasNoNetworkReadOnlyDataAndSeesNothingOfAnotherWorkspace() throws IOException {
        String aino = DesktopApi.person("aino");
        Workspace mine = workspaceWithRelease(aino, "thl-avohilmo");
        String bob = DesktopApi.person("bob");
        Workspace theirs = workspaceWithRelease(bob, "kela-reimbursements");
        String desktopId = DesktopApi.running(DesktopApi.member(aino), mine.id(), "isolated");
        String otherDesktop = DesktopApi.running(DesktopApi.member(bob), theirs.id(), "neighbour");
        long pid = provider.sandboxPid(desktopId).orElseThrow();

        HostCommand links = HostCommand.run("nsenter", "--target", Long.toString(pid), "--net", "ip", "-o", "link");
        assertThat(links.output().lines().map(l -> l.split(":")[1].trim()).toList()).containsExactly("lo");
        try (ServerSocket host = new ServerSocket(0)) {
            for (int port : List.of(host.getLocalPort(), httpPort)) {
                HostCommand connect = HostCommand.inNamespaces(pid, "n", "exec 3<>/dev/tcp/127.0.0.1/" + port + " && echo connected");
                assertThat(connect.exit()).as("a connection to host port " + port).isNotZero();
                assertThat(connect.output()).doesNotContain("connected");
            }
        }
        assertThat(HostCommand.inNamespaces(pid, "n", "ss -Hltn; ss -Hlun").output()).as("TCP and UDP listeners").isBlank();
        assertThat(HostCommand.inNamespaces(pid, "n", "ss -Hlx").output()).contains("/home/researcher/.vnc/display.sock");

        String release = "/data/thl-avohilmo/" + mine.releaseId();
        assertThat(HostCommand.inNamespaces(pid, "m", "cat " + release + "/MANIFEST.txt").output()).contains("visits.csv\t2048\t");
        HostCommand write = HostCommand.inNamespaces(pid, "m", "touch " + release + "/x");
        assertThat(write.exit()).isNotZero();
        assertThat(write.output()).contains("Read-only file system");
        assertThat(HostCommand.inNamespaces(pid, "m", "ls /data").output().lines().toList()).containsExactly("thl-avohilmo");
        assertThat(HostCommand.inNamespaces(pid, "m", "ls /home").output().lines().toList()).containsExactly("researcher");
        assertThat(HostCommand.inNamespaces(pid, "m", "test -e " + stateDir.toAbsolutePath() + " || echo absent").output())
                .contains("absent");
        assertThat(HostCommand.inNamespaces(pid, "m", "test -w /export && echo writable").output()).contains("writable");

        Files.writeString(stateDir.resolve("servers").resolve(otherDesktop).resolve("home/secret.txt"), "bob's");
        assertThat(HostCommand.inNamespaces(pid, "m", "grep -rl \"bob's\" /home /data /export /imports /tmp 2>/dev/null; true")
                .output()).isBlank();

        List<Long> processes = HostCommand.processesOf(pid);
        assertThat(processes).hasSizeGreaterThanOrEqualTo(4);
        int uid = provider.hostUidOf(desktopId).orElseThrow();
        assertThat(uid).isNotZero().isNotEqualTo(provider.hostUidOf(otherDesktop).orElseThrow());
        for (long process : processes) {
            assertThat(HostCommand.status(process, "Uid:")).startsWith(uid + "\t");
            assertThat(HostCommand.status(process, "CapEff:")).isEqualTo("0000000000000000");
            String environment = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process), "environ")),
                    StandardCharsets.UTF_8);
            assertThat(environment).doesNotContain("DB_PASSWORD", "KAFKA", "quarkus", "PGPASSWORD");
        }
    }

    @Test
    void pauseStopsTheProcessesRebootKeepsTheHomeACrashIsRestartedALockStopsAndDeleteRemovesIt() throws IOException {
        String aino = DesktopApi.person("aino");
        String token = DesktopApi.member(aino);
        Workspace workspace = workspaceWithRelease(aino, "thl-avohilmo");
        String desktopId = DesktopApi.running(token, workspace.id(), "lifecycle");
        long pid = provider.sandboxPid(desktopId).orElseThrow();

        DesktopApi.command(token, desktopId, "pause").statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> HostCommand.processesOf(pid).stream()
                .filter(p -> p != pid).allMatch(p -> HostCommand.status(p, "State:").startsWith("T")));
        DesktopApi.command(token, desktopId, "resume").statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> HostCommand.processesOf(pid).stream()
                .noneMatch(p -> HostCommand.status(p, "State:").startsWith("T")));

        Path home = stateDir.resolve("servers").resolve(desktopId).resolve("home");
        Files.writeString(home.resolve("notes.txt"), "kept across a reboot");
        DesktopApi.command(token, desktopId, "reboot").statusCode(202);
        DesktopApi.awaitStatus(desktopId, "RUNNING");
        long rebooted = provider.sandboxPid(desktopId).orElseThrow();
        assertThat(rebooted).isNotEqualTo(pid);
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(HostCommand.inNamespaces(rebooted, "m", "cat /home/researcher/notes.txt").output()).contains("kept across a reboot");

        long xvfb = HostCommand.processesOf(rebooted).stream()
                .filter(p -> ProcessHandle.of(p).flatMap(h -> h.info().command()).orElse("").endsWith("Xvfb")).findFirst().orElseThrow();
        HostCommand.run("kill", "-9", Long.toString(xvfb));
        DesktopApi.awaitAudit(workspace.id(), "desktop.crashed");
        DesktopApi.awaitStatus(desktopId, "RUNNING");
        await().atMost(DesktopApi.TIMEOUT).until(() -> provider.sandboxPid(desktopId).filter(p -> p != rebooted).isPresent());

        long beforeLock = provider.sandboxPid(desktopId).orElseThrow();
        TestEvents.publish(new PermitRevoked(workspace.permitId(), 1, workspace.projectId(), "Misuse", "findata.officer", Instant.now()));
        DesktopApi.awaitStatus(desktopId, "STOPPED");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(beforeLock).isEmpty() && provider.sandboxPid(desktopId).isEmpty());
        assertThat(Files.exists(home.resolve("notes.txt"))).isTrue();
        given().header("Authorization", token).when().delete("/api/v1/desktops/" + desktopId).then().statusCode(202);
        DesktopApi.awaitStatus(desktopId, "DELETED");
        assertThat(Files.exists(stateDir.resolve("servers").resolve(desktopId))).isFalse();
    }

    record Workspace(String id, String permitId, String projectId, String releaseId) {
    }

    /** A ready Findata workspace of {@code person} with one release of {@code datasetId}, mounted. */
    static Workspace workspaceWithRelease(String person, String datasetId) {
        PermitGranted granted = DesktopApi.grantedTo(List.of(person));
        String workspaceId = DesktopApi.readyWorkspace(granted);
        String releaseId = UUID.randomUUID().toString();
        TestEvents.publish(new DataReleased(releaseId, granted.permitId(), granted.permit().projectId(), datasetId,
                List.of(new ReleasedFile("visits.csv", 2048, "c".repeat(64))), "findata.officer", Instant.now()));
        await().atMost(DesktopApi.TIMEOUT).untilAsserted(() -> given().header("Authorization", DesktopApi.member(person))
                .when().get("/api/v1/workspaces/" + workspaceId).then().statusCode(200)
                .body("datasets.releaseId", org.hamcrest.Matchers.hasItem(releaseId)));
        return new Workspace(workspaceId, granted.permitId(), granted.permit().projectId(), releaseId);
    }
}
