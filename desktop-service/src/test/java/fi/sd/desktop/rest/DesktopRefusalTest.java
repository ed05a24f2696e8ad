package fi.sd.desktop.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.sd.desktop.DesktopApi;
import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.permit.PermitGranted;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What may not be asked for, by whom, and when: each refused as problem+json. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class DesktopRefusalTest {

    private static final String AINO = DesktopApi.member("aino.virtanen");

    @Test
    void aWorkspaceHasAtMostThreeDesktopsThatAreNotDeleted() {
        String workspaceId = DesktopApi.readyWorkspace(WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID()));
        String first = DesktopApi.running(AINO, workspaceId, "one");
        DesktopApi.create(AINO, workspaceId, DesktopApi.desktop("two")).statusCode(202);
        DesktopApi.create(AINO, workspaceId, DesktopApi.desktop("three")).statusCode(202);

        DesktopApi.create(AINO, workspaceId, DesktopApi.desktop("four")).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("3 desktops"));

        given().header("Authorization", AINO).when().delete("/api/v1/desktops/" + first).then().statusCode(202);
        DesktopApi.awaitStatus(first, "DELETED");
        DesktopApi.create(AINO, workspaceId, DesktopApi.desktop("four")).statusCode(202);
        // The refused fourth request's entry went with its rolled-back transaction.
        DesktopApi.audit(workspaceId).body("findAll { it.action == 'desktop.created' }.size()", is(4));
    }

    @Test
    void anUnknownFlavourOrImageOrAVolumeOver200GbIsABadRequestWithFieldErrors() {
        String workspaceId = DesktopApi.readyWorkspace(WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID()));

        DesktopApi.create(AINO, workspaceId, Map.of("name", "big", "flavour", "huge", "image", "windows-11", "volumeGb", 201))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("flavour", "image", "volumeGb"));
        Map<String, Object> unnamed = new HashMap<>(DesktopApi.desktop("x"));
        unnamed.remove("name");
        unnamed.put("volumeGb", 0);
        DesktopApi.create(AINO, workspaceId, unnamed).statusCode(400).body("errors.field", hasItems("name", "volumeGb"));
        DesktopApi.create(AINO, workspaceId, Map.of("name", "heavy-one", "flavour", "heavy", "image", "ubuntu-22.04", "volumeGb", 200))
                .statusCode(202).body("cores", is(20)).body("memoryGb", is(87));
        given().header("Authorization", AINO).when().get("/api/v1/workspaces/" + workspaceId + "/desktops")
                .then().statusCode(200).body("size()", is(1));
    }

    @Test
    void onlyMembersAndAdminsCreateDesktopsAndOutsidersDoNotLearnTheWorkspaceExists() {
        String workspaceId = DesktopApi.readyWorkspace(WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID()));

        DesktopApi.create(DesktopApi.member("outsider.olli"), workspaceId, DesktopApi.desktop("mine")).statusCode(404);
        DesktopApi.create(TestTokens.user("desk.dora", "service-desk").mfa().bearer(), workspaceId, DesktopApi.desktop("desk"))
                .statusCode(403).contentType("application/problem+json");
        DesktopApi.create(WorkspaceApi.AUDITOR, workspaceId, DesktopApi.desktop("audit")).statusCode(403);
        DesktopApi.create(DesktopApi.member("aino.virtanen"), "no-such-workspace", DesktopApi.desktop("nowhere")).statusCode(404);
        String desktopId = DesktopApi.create(TestTokens.user("admin.ari", "admin").bearer(), workspaceId, DesktopApi.desktop("admins"))
                .statusCode(202).extract().path("id");

        given().header("Authorization", DesktopApi.member("outsider.olli")).when().get("/api/v1/desktops/" + desktopId)
                .then().statusCode(404);
        DesktopApi.command(DesktopApi.member("outsider.olli"), desktopId, "pause").statusCode(404);
        DesktopApi.command(TestTokens.user("desk.dora", "service-desk").bearer(), desktopId, "pause").statusCode(403);
        given().header("Authorization", TestTokens.user("desk.dora", "service-desk").bearer()).when().get("/api/v1/desktops/" + desktopId)
                .then().statusCode(200).body("name", is("admins"));
    }

    @Test
    void aLockedWorkspaceGetsNoNewDesktops() {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        String workspaceId = DesktopApi.readyWorkspace(granted);
        TestEvents.publish(new PermitRevoked(granted.permitId(), 1, granted.permit().projectId(), "Misuse", "findata.officer", Instant.now()));
        WorkspaceApi.awaitStatus(granted.permitId(), "LOCKED");

        DesktopApi.create(AINO, workspaceId, DesktopApi.desktop("late")).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("LOCKED"));
    }
}
