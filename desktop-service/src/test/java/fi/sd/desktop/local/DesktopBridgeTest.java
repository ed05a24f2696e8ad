package fi.sd.desktop.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.DesktopApi;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.desktop.provider.local.LocalDesktopProvider;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The viewer's WebSocket as desktop-service bridges it to a real desktop's VNC socket: a valid token shows the
 * desktop's RFB greeting, and only once; forged, expired, reused and another session's tokens are refused and
 * audited; an ended session closes its viewer within a second; a revoked permit closes it and stops the sandbox.
 */
@QuarkusTest
@TestProfile(LocalDesktops.class)
@WithTestResource(ServiceTestEnvironment.class)
class DesktopBridgeTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    LocalDesktopProvider provider;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void aTokenShowsTheDesktopOnceAndEveryOtherTokenIsRefusedAndAudited() {
        String aino = DesktopApi.person("aino");
        String bob = DesktopApi.person("bob");
        LocalDesktopIsolationTest.Workspace workspace = LocalDesktopIsolationTest.workspaceWithRelease(aino, "thl-avohilmo");
        String desktopId = DesktopApi.running(DesktopApi.member(aino), workspace.id(), "viewed");
        Opened mine = open(aino, desktopId);

        Viewer.Connection connection = Viewer.connect(port, mine.sessionId(), mine.token());
        assertThat(connection.status()).isEqualTo(101);
        Viewer viewer = connection.viewer();
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.received().startsWith("RFB 003.008\n"));
        viewer.send("RFB 003.008\n".getBytes());
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.received().length() > 12);
        viewer.heartbeat();

        assertThat(Viewer.connect(port, mine.sessionId(), mine.token()).status()).as("reused").isEqualTo(401);
        String[] parts = mine.token().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThat(Viewer.connect(port, mine.sessionId(), forged).status()).as("forged").isEqualTo(401);

        given().header("Authorization", DesktopApi.member(aino)).when().delete("/api/v1/sessions/" + mine.sessionId())
                .then().statusCode(204);
        long ended = System.nanoTime();
        await().atMost(Duration.ofSeconds(1)).until(viewer::isClosed);
        assertThat(viewer.closeCode()).isEqualTo(4001);
        assertThat(Duration.ofNanos(viewer.closedAtNanos() - ended)).isLessThan(Duration.ofSeconds(1));

        LocalDesktopIsolationTest.Workspace bobsWorkspace = LocalDesktopIsolationTest.workspaceWithRelease(bob, "kela-reimbursements");
        String bobsDesktop = DesktopApi.running(DesktopApi.member(bob), bobsWorkspace.id(), "bobs");
        Opened again = open(aino, desktopId);
        Opened bobs = open(bob, bobsDesktop);
        assertThat(Viewer.connect(port, bobs.sessionId(), again.token()).status()).as("another user's token").isEqualTo(403);
        TestClock.INSTANCE.advance(Duration.ofMinutes(3));
        assertThat(Viewer.connect(port, again.sessionId(), again.token()).status()).as("expired").isEqualTo(401);

        DesktopApi.audit(workspace.id()).body("action", hasItems("session.connected", "session.disconnected", "session.connect.refused"));
        List<String> refusals = DesktopApi.audit(workspace.id()).extract().jsonPath()
                .getList("findAll { it.action == 'session.connect.refused' }.detail");
        assertThat(String.join("\n", refusals)).contains("used already", "signature does not match", "expired");
        DesktopApi.audit(bobs.workspaceId()).body("findAll { it.action == 'session.connect.refused' }.actor", hasItems(aino));
    }

    @Test
    void revokingThePermitClosesTheViewerAndStopsTheSandbox() {
        String aino = DesktopApi.person("aino");
        LocalDesktopIsolationTest.Workspace workspace = LocalDesktopIsolationTest.workspaceWithRelease(aino, "thl-avohilmo");
        String desktopId = DesktopApi.running(DesktopApi.member(aino), workspace.id(), "revoked");
        long sandbox = provider.sandboxPid(desktopId).orElseThrow();
        Opened opened = open(aino, desktopId);
        Viewer viewer = Viewer.connect(port, opened.sessionId(), opened.token()).viewer();
        await().atMost(Duration.ofSeconds(10)).until(() -> viewer.received().startsWith("RFB"));

        TestEvents.publish(new PermitRevoked(workspace.permitId(), 1, workspace.projectId(), "Misuse", "findata.officer", Instant.now()));

        await().atMost(Duration.ofSeconds(5)).until(viewer::isClosed);
        assertThat(viewer.closeCode()).isIn(4001, 4002);
        DesktopApi.awaitStatus(desktopId, "STOPPED");
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(sandbox).isEmpty());
        WorkspaceApi.assertStatus(workspace.id(), "LOCKED");
    }

    record Opened(String sessionId, String token, String workspaceId) {
    }

    private static Opened open(String person, String desktopId) {
        var answer = DesktopApi.openSession(DesktopApi.member(person), desktopId).statusCode(201).extract();
        URI connect = URI.create(answer.path("connectUrl"));
        String workspaceId = given().header("Authorization", DesktopApi.member(person)).when().get("/api/v1/desktops/" + desktopId)
                .then().extract().path("workspaceId");
        return new Opened(answer.path("sessionId"), connect.getQuery().substring("token=".length()), workspaceId);
    }
}
