package fi.sd.desktop.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.desktop.DesktopApi;
import fi.sd.desktop.TestPermit;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.desktop.service.WorkspacePurgeJob;
import fi.sd.events.EventType;
import fi.sd.events.permit.PermitAmended;
import fi.sd.events.permit.PermitExpired;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.events.permit.PermitSnapshot;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A lock ends the workspace's sessions and stops its desktops at once; an unlock lets them resume; the purge deletes them. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class WorkspaceLockComputeTest {

    @Inject
    WorkspacePurgeJob purge;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void aRevokedPermitEndsSessionsAndStopsDesktopsWithinSecondsAndNothingNewStarts() {
        String aino = DesktopApi.person("aino");
        String token = DesktopApi.member(aino);
        PermitGranted granted = DesktopApi.grantedTo(List.of(aino));
        String workspaceId = DesktopApi.readyWorkspace(granted);
        String desktopId = DesktopApi.running(token, workspaceId, "locked-out");
        String paused = DesktopApi.running(token, workspaceId, "paused");
        DesktopApi.command(token, paused, "pause").statusCode(200);
        String sessionId = DesktopApi.openSession(token, desktopId).statusCode(201).extract().path("sessionId");

        TestEvents.publish(new PermitRevoked(granted.permitId(), 1, granted.permit().projectId(), "Misuse", "findata.officer", Instant.now()));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> DesktopApi.session(token, sessionId).statusCode(200)
                .body("status", is("CLOSED")).body("closeReason", is("workspace locked")).body("closedBy", is("system")));
        WorkspaceApi.assertStatus(workspaceId, "LOCKED");
        given().header("Authorization", token).when().get("/api/v1/desktops/" + desktopId).then().body("status", is("STOPPED"));
        given().header("Authorization", token).when().get("/api/v1/desktops/" + paused).then().body("status", is("STOPPED"));

        DesktopApi.openSession(token, desktopId).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("LOCKED"));
        DesktopApi.create(token, workspaceId, DesktopApi.desktop("another")).statusCode(409);
        DesktopApi.command(token, desktopId, "resume").statusCode(409).body("detail", containsString("LOCKED"));
        DesktopApi.command(token, desktopId, "reboot").statusCode(409);
        DesktopApi.awaitAudit(workspaceId, "workspace.locked", "desktop.stopped", "session.closed", "session.refused");
    }

    @Test
    void anExtensionUnlocksTheWorkspaceAndItsStoppedDesktopsCanBeResumed() {
        String aino = DesktopApi.person("aino");
        String token = DesktopApi.member(aino);
        PermitGranted granted = DesktopApi.grantedTo(List.of(aino));
        String workspaceId = DesktopApi.readyWorkspace(granted);
        String desktopId = DesktopApi.running(token, workspaceId, "comeback");

        TestEvents.publish(new PermitExpired(granted.permitId(), granted.permit().projectId(), LocalDate.now(), Instant.now()));
        DesktopApi.awaitStatus(desktopId, "STOPPED");
        PermitSnapshot before = granted.permit();
        TestEvents.publish(new PermitAmended(TestPermit.nextVersionOf(before).validUntil(LocalDate.now().plusYears(2)).snapshot(),
                List.of("validUntil"), "Extension", "findata.officer", Instant.now()));
        WorkspaceApi.awaitStatus(granted.permitId(), "READY");

        given().header("Authorization", token).when().get("/api/v1/desktops/" + desktopId).then().body("status", is("STOPPED"));
        DesktopApi.command(token, desktopId, "resume").statusCode(200).body("status", is("RUNNING"));
        DesktopApi.openSession(token, desktopId).statusCode(201);
    }

    @Test
    void thePurgeDeletesDesktopsAndVolumesAndListsThemInWorkspacePurged() {
        String aino = DesktopApi.person("aino");
        String token = DesktopApi.member(aino);
        PermitGranted granted = DesktopApi.grantedTo(List.of(aino));
        String workspaceId = DesktopApi.readyWorkspace(granted);
        String desktopId = DesktopApi.running(token, workspaceId, "doomed");
        TestEvents.publish(new PermitRevoked(granted.permitId(), 1, granted.permit().projectId(), "Ended", "findata.officer", Instant.now()));
        DesktopApi.awaitStatus(desktopId, "STOPPED");

        TestClock.INSTANCE.advance(Duration.ofDays(91));
        assertThat(purge.run()).isGreaterThanOrEqualTo(1);

        WorkspaceApi.assertStatus(workspaceId, "PURGED");
        DesktopApi.awaitStatus(desktopId, "DELETED");
        JsonNode deleted = DesktopApi.awaitEvents(EventType.DESKTOP_DELETED, workspaceId,
                p -> desktopId.equals(p.get("desktopId").asText()), 1).get(0);
        assertThat(deleted.get("reason").asText()).isEqualTo("workspace purged");
        assertThat(deleted.get("actor").asText()).isEqualTo("system");
        JsonNode purged = DesktopApi.awaitEvents(EventType.WORKSPACE_PURGED, workspaceId, p -> true, 1).get(0);
        List<String> kinds = StreamSupport.stream(purged.get("deleted").spliterator(), false)
                .map(r -> r.get("kind").asText() + ":" + (r.get("kind").asText().equals("DESKTOP") ? r.get("id").asText() : "")).toList();
        assertThat(kinds).contains("DESKTOP:" + desktopId, "VOLUME:");
        DesktopApi.awaitAudit(workspaceId, "desktop.deleted", "workspace.purged");
    }
}
