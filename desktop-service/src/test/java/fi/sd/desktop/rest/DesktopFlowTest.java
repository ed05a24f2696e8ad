package fi.sd.desktop.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.desktop.DesktopApi;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.desktop.domain.SessionKey;
import fi.sd.events.EventJson;
import fi.sd.events.EventType;
import fi.sd.events.permit.DataReleased;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.ReleasedFile;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A member's way from a granted permit to a session on a running desktop, and a desktop's commands as the cloud carries them out. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class DesktopFlowTest {

    private static final String AINO = DesktopApi.member("aino.virtanen");
    private static final String MIKKO = DesktopApi.member("mikko.korhonen");

    @Test
    void theFindataFlowEndsInASessionOnARunningDesktopWithASignedShortLivedConnectToken() throws Exception {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        String workspaceId = DesktopApi.readyWorkspace(granted);
        TestEvents.publish(new DataReleased(UUID.randomUUID().toString(), granted.permitId(), granted.permit().projectId(),
                "thl-avohilmo", List.of(new ReleasedFile("visits.csv", 2048, "c".repeat(64))), "findata.officer", Instant.now()));
        await().atMost(DesktopApi.TIMEOUT).untilAsserted(() -> given().header("Authorization", AINO)
                .when().get("/api/v1/workspaces/" + workspaceId).then().statusCode(200).body("datasets.size()", is(1)));

        String location = DesktopApi.create(AINO, workspaceId, Map.of("name", "analysis", "flavour", "medium", "image", "ubuntu-22.04",
                "volumeGb", 200)).statusCode(202).body("status", is("CREATING")).body("cores", is(8)).body("memoryGb", is(30))
                .body("createdBy", is("aino.virtanen")).extract().header("Location");
        String desktopId = location.substring(location.lastIndexOf('/') + 1);
        DesktopApi.awaitStatus(desktopId, "RUNNING");
        JsonNode provisioned = DesktopApi.awaitEvents(EventType.DESKTOP_PROVISIONED, workspaceId,
                p -> desktopId.equals(p.get("desktopId").asText()), 1).get(0);
        assertThat(provisioned.get("flavour").asText()).isEqualTo("medium");
        assertThat(provisioned.get("volumeGb").asInt()).isEqualTo(200);
        given().header("Authorization", MIKKO).when().get("/api/v1/workspaces/" + workspaceId + "/desktops")
                .then().statusCode(200).body("id", is(List.of(desktopId)));

        Instant before = Instant.now();
        var opened = DesktopApi.openSession(AINO, desktopId).statusCode(201).extract();
        String sessionId = opened.path("sessionId");
        assertThat(opened.header("Location")).endsWith("/api/v1/sessions/" + sessionId);
        Instant expiresAt = Instant.parse(opened.path("expiresAt"));
        assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));

        URI connect = URI.create(opened.path("connectUrl"));
        assertThat(connect.getPath()).isEqualTo("/connect/" + sessionId);
        String token = connect.getQuery().substring("token=".length());
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = EventJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("HS256");
        assertThat(claims.get("sub").asText()).isEqualTo("aino.virtanen");
        assertThat(claims.get("sid").asText()).isEqualTo(sessionId);
        assertThat(claims.get("desktop").asText()).isEqualTo(desktopId);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(120);
        SessionKey key = QuarkusTransaction.requiringNew().call(() -> SessionKey.findById(header.get("kid").asText()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.secret), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);

        DesktopApi.session(AINO, sessionId).statusCode(200).body("status", is("OPEN")).body("userId", is("aino.virtanen"))
                .body("expiresAt", notNullValue());
        DesktopApi.session(MIKKO, sessionId).statusCode(404);
        given().header("Authorization", MIKKO).when().delete("/api/v1/sessions/" + sessionId).then().statusCode(404);
        given().header("Authorization", AINO).when().post("/api/v1/sessions/" + sessionId + "/heartbeat")
                .then().statusCode(200).body("status", is("OPEN"));
        given().header("Authorization", AINO).when().delete("/api/v1/sessions/" + sessionId).then().statusCode(204);
        DesktopApi.session(AINO, sessionId).statusCode(200).body("status", is("CLOSED")).body("closedBy", is("aino.virtanen"));
        given().header("Authorization", AINO).when().post("/api/v1/sessions/" + sessionId + "/heartbeat")
                .then().statusCode(409).contentType("application/problem+json");
        DesktopApi.awaitAudit(workspaceId, "mount.added", "desktop.created", "desktop.provisioned", "session.opened", "session.closed");
        DesktopApi.audit(workspaceId).body("findAll { it.action == 'session.opened' }.actor", is(List.of("aino.virtanen")));
    }

    @Test
    void pauseResumeRebootAndDeleteFollowTheCloudAndTheDeletionIsAnnounced() {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        String workspaceId = DesktopApi.readyWorkspace(granted);
        String desktopId = DesktopApi.running(AINO, workspaceId, "stats");
        String sessionId = DesktopApi.openSession(MIKKO, desktopId).statusCode(201).extract().path("sessionId");

        DesktopApi.command(AINO, desktopId, "pause").statusCode(200).body("status", is("PAUSED"));
        DesktopApi.session(MIKKO, sessionId).statusCode(200).body("status", is("CLOSED")).body("closeReason", is("desktop paused"));
        DesktopApi.command(AINO, desktopId, "pause").statusCode(409).body("detail", containsString("paused"));
        DesktopApi.command(MIKKO, desktopId, "resume").statusCode(200).body("status", is("RUNNING"));

        DesktopApi.command(AINO, desktopId, "reboot").statusCode(202).body("status", is("REBOOTING"));
        DesktopApi.awaitStatus(desktopId, "RUNNING");

        given().header("Authorization", AINO).when().delete("/api/v1/desktops/" + desktopId)
                .then().statusCode(202).body("status", is("DELETING"));
        DesktopApi.awaitStatus(desktopId, "DELETED");
        JsonNode deleted = DesktopApi.awaitEvents(EventType.DESKTOP_DELETED, workspaceId,
                p -> desktopId.equals(p.get("desktopId").asText()), 1).get(0);
        assertThat(deleted.get("actor").asText()).isEqualTo("aino.virtanen");
        DesktopApi.command(AINO, desktopId, "resume").statusCode(409);
        DesktopApi.awaitAudit(workspaceId, "desktop.paused", "desktop.resumed", "desktop.rebooted", "desktop.deletion.requested",
                "desktop.deleted");
    }

    @Test
    void aBuildTheCloudCannotPlaceFailsAndIsAnnouncedAndTheFailedDesktopCanBeDeleted() {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        String workspaceId = DesktopApi.readyWorkspace(granted);
        String desktopId = DesktopApi.create(AINO, workspaceId, DesktopApi.desktop("gpu-no-host")).statusCode(202).extract().path("id");

        DesktopApi.awaitStatus(desktopId, "FAILED");
        given().header("Authorization", AINO).when().get("/api/v1/desktops/" + desktopId)
                .then().statusCode(200).body("error", containsString("No valid host was found"));
        JsonNode failed = DesktopApi.awaitEvents(EventType.DESKTOP_PROVISIONING_FAILED, workspaceId,
                p -> desktopId.equals(p.get("desktopId").asText()), 1).get(0);
        assertThat(failed.get("error").asText()).contains("No valid host was found");
        assertThat(failed.get("permitId").asText()).isEqualTo(granted.permitId());
        DesktopApi.openSession(AINO, desktopId).statusCode(409).body("detail", containsString("FAILED"));

        given().header("Authorization", AINO).when().delete("/api/v1/desktops/" + desktopId).then().statusCode(202);
        DesktopApi.awaitStatus(desktopId, "DELETED");
        DesktopApi.awaitAudit(workspaceId, "desktop.failed", "desktop.deleted");
    }
}
