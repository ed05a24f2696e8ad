package fi.sd.desktop.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fi.sd.desktop.DesktopApi;
import fi.sd.desktop.service.SignInLapseJob;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A session belongs to the sign-in that opened it and lasts only while that sign-in brings renewed
 * tokens: a user logged out or disabled at the identity provider gets none, so their session ends
 * with their last token (the test profile's grace is zero).
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class SessionSignInTest {

    @Inject
    SignInLapseJob lapse;

    @Test
    void heartbeatsWithTokensOfTheSameSignInKeepASessionAndItEndsWithTheLastToken() {
        String aino = DesktopApi.person("aino");
        String workspaceId = DesktopApi.readyWorkspace(DesktopApi.grantedTo(List.of(aino)));
        String desktopId = DesktopApi.running(DesktopApi.member(aino), workspaceId, "signed-in");
        Instant firstTokenExpires = Instant.now().plusSeconds(3);
        String sessionId = DesktopApi.openSession(token(aino, "sign-in-1", Duration.ofSeconds(3)), desktopId).statusCode(201)
                .extract().path("sessionId");

        heartbeat(sessionId, token(aino, "sign-in-2", Duration.ofMinutes(5))).statusCode(403)
                .body("detail", containsString("sign-in"));
        heartbeat(sessionId, TestTokens.user(aino, "researcher").signInSession("sign-in-1").expiresIn(Duration.ofMinutes(5)).bearer())
                .statusCode(403);
        heartbeat(sessionId, token(aino, "sign-in-1", Duration.ofSeconds(10))).statusCode(200).body("status", is("OPEN"));

        await("the first token expired").atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(firstTokenExpires.plusSeconds(1)));
        assertThat(lapse.run()).as("the first token has expired, but a renewed one came").isZero();
        DesktopApi.session(DesktopApi.member(aino), sessionId).statusCode(200).body("status", is("OPEN"));

        await("the session ended with the renewed token").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> lapse.run() >= 1);
        DesktopApi.session(DesktopApi.member(aino), sessionId).statusCode(200).body("status", is("EXPIRED"))
                .body("closedBy", is("system")).body("closeReason", containsString("sign-in ended"));
        heartbeat(sessionId, token(aino, "sign-in-1", Duration.ofMinutes(5))).statusCode(409);
        DesktopApi.audit(workspaceId).body("findAll { it.action == 'session.expired' }.actor", is(List.of("system")));
    }

    private static String token(String userId, String signIn, Duration lifetime) {
        return TestTokens.user(userId, "researcher").mfa().signInSession(signIn).expiresIn(lifetime).bearer();
    }

    private static ValidatableResponse heartbeat(String sessionId, String authorization) {
        return given().header("Authorization", authorization).when().post("/api/v1/sessions/" + sessionId + "/heartbeat").then();
    }
}
