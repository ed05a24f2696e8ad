package fi.sd.desktop.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.DesktopApi;
import fi.sd.desktop.service.SessionExpiryJob;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Who may open a session and when, how many, and how idle sessions end. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class SessionTest {

    @Inject
    SessionExpiryJob expiry;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void sessionsNeedAMemberSignedInWithMfaOnARunningDesktopAndOneOpenSessionPerUser() {
        String aino = DesktopApi.person("aino");
        String mikko = DesktopApi.person("mikko");
        String ainosToken = DesktopApi.member(aino);
        String workspaceId = DesktopApi.readyWorkspace(DesktopApi.grantedTo(List.of(aino, mikko)));
        String desktopId = DesktopApi.running(ainosToken, workspaceId, "work");

        DesktopApi.openSession(TestTokens.user(aino, "researcher").bearer(), desktopId).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("mfa"));
        DesktopApi.openSession(DesktopApi.member("outsider.olli"), desktopId).statusCode(404).contentType("application/problem+json");
        DesktopApi.openSession(TestTokens.user("desk.dora", "service-desk").mfa().bearer(), desktopId).statusCode(403);
        DesktopApi.openSession(TestTokens.user("admin.ari", "admin").mfa().bearer(), desktopId).statusCode(403);

        DesktopApi.audit(workspaceId).body("findAll { it.action == 'session.refused' }.actor",
                hasItems(aino, "outsider.olli", "desk.dora", "admin.ari"));
        String sessionId = DesktopApi.openSession(ainosToken, desktopId).statusCode(201).extract().path("sessionId");
        DesktopApi.openSession(ainosToken, desktopId).statusCode(409).body("detail", containsString(sessionId));
        given().header("Authorization", TestTokens.user("desk.dora", "service-desk").bearer()).when().delete("/api/v1/sessions/" + sessionId)
                .then().statusCode(403);
        given().header("Authorization", TestTokens.user("admin.ari", "admin").bearer()).when().delete("/api/v1/sessions/" + sessionId)
                .then().statusCode(204);
        DesktopApi.session(ainosToken, sessionId).statusCode(200).body("status", is("CLOSED")).body("closedBy", is("admin.ari"));
        given().header("Authorization", TestTokens.user("admin.ari", "admin").bearer()).when().delete("/api/v1/sessions/" + sessionId)
                .then().statusCode(409);
        DesktopApi.openSession(ainosToken, desktopId).statusCode(201);

        DesktopApi.command(DesktopApi.member(mikko), desktopId, "pause").statusCode(200);
        DesktopApi.openSession(DesktopApi.member(mikko), desktopId).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("PAUSED"));
    }

    @Test
    void aDesktopTakesAtMostTenOpenSessions() {
        List<String> persons = IntStream.rangeClosed(1, 11).mapToObj(i -> DesktopApi.person("researcher" + i)).toList();
        String workspaceId = DesktopApi.readyWorkspace(DesktopApi.grantedTo(persons));
        String desktopId = DesktopApi.running(DesktopApi.member(persons.get(0)), workspaceId, "shared");

        persons.subList(0, 10).forEach(p -> DesktopApi.openSession(DesktopApi.member(p), desktopId).statusCode(201));
        DesktopApi.openSession(DesktopApi.member(persons.get(10)), desktopId).statusCode(409)
                .body("detail", containsString("10 open sessions"));
    }

    @Test
    void anIdleSessionExpiresOnTheClockUnlessAHeartbeatKeepsItAlive() {
        String aino = DesktopApi.person("aino");
        String ainosToken = DesktopApi.member(aino);
        String workspaceId = DesktopApi.readyWorkspace(DesktopApi.grantedTo(List.of(aino)));
        String desktopId = DesktopApi.running(ainosToken, workspaceId, "idle");
        String sessionId = DesktopApi.openSession(ainosToken, desktopId).statusCode(201).extract().path("sessionId");

        TestClock.INSTANCE.advance(Duration.ofMinutes(29));
        expiry.run();
        DesktopApi.session(ainosToken, sessionId).statusCode(200).body("status", is("OPEN"));
        given().header("Authorization", ainosToken).when().post("/api/v1/sessions/" + sessionId + "/heartbeat").then().statusCode(200);

        TestClock.INSTANCE.advance(Duration.ofMinutes(29));
        expiry.run();
        DesktopApi.session(ainosToken, sessionId).statusCode(200).body("status", is("OPEN"));

        TestClock.INSTANCE.advance(Duration.ofMinutes(2));
        assertThat(expiry.run()).isGreaterThanOrEqualTo(1);
        DesktopApi.session(ainosToken, sessionId).statusCode(200).body("status", is("EXPIRED")).body("closedBy", is("system"))
                .body("closeReason", containsString("idle"));
        given().header("Authorization", ainosToken).when().post("/api/v1/sessions/" + sessionId + "/heartbeat").then().statusCode(409);
        DesktopApi.openSession(ainosToken, desktopId).statusCode(201);
        DesktopApi.audit(workspaceId).body("findAll { it.action == 'session.expired' }.actor", is(List.of("system")));
    }
}
