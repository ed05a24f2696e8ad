package fi.sd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A person logged out or disabled at Keycloak: Keycloak renews none of their tokens, so they lose
 * access when the token they hold expires (401 at the gateway and at every service), and their open
 * desktop sessions end with it, since a session lives only while its sign-in brings renewed tokens.
 * Someone whose sign-in goes on keeps their session with heartbeats. The realm's tokens are made 20 s
 * long for this test only.
 */
class SignInRevocationIT extends SystemTest {

    private static final Duration LIFESPAN = Duration.ofSeconds(20);
    /** The token's lifespan, the services' clock skew (15 s), the session's grace and the jobs' interval, with room. */
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(90);

    @Test
    void aUserLoggedOutOrDisabledAtKeycloakLosesAccessAndTheirDesktopSessionsWhenTheirTokenExpires() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String loggedOut = "revoke.lauri." + suffix;
        String disabled = "revoke.dora." + suffix;
        String staying = "revoke.stina." + suffix;
        String project = "revoke-" + suffix;
        Map<String, Object> permit = new HashMap<>(Api.findataPermit(project, system.today(), system.today().plusYears(1)));
        permit.put("persons", List.of(person(loggedOut), person(disabled), person(staying)));
        api.asFindata().body(permit).post("/permits").then().statusCode(201);
        String workspaceId = Flows.awaitWorkspace(api, project, "READY");
        String desktopId = Flows.runningDesktop(api, workspaceId, staying);

        system.keycloakAdmin().setAccessTokenLifespan(LIFESPAN);
        try {
            Map<String, String> sessions = new LinkedHashMap<>();
            for (String user : List.of(loggedOut, disabled, staying)) {
                system.tokens().forget(user);
                sessions.put(user, api.withMfa(user, "researcher").post("/desktops/{id}/sessions", desktopId).then().statusCode(201)
                        .extract().path("sessionId"));
            }
            // The user who stays signed in heartbeats with renewed tokens, as a front end does, all along.
            Runnable heartbeat = () -> api.withMfa(staying, "researcher").post("/sessions/{id}/heartbeat", sessions.get(staying))
                    .then().statusCode(200).body("status", is("OPEN"));
            heartbeat.run();
            String loggedOutsToken = system.tokens().user(loggedOut, "researcher").mfa().bearer();
            String disabledsToken = system.tokens().user(disabled, "researcher").mfa().bearer();

            system.keycloakAdmin().logout(loggedOut);
            system.keycloakAdmin().disable(disabled);
            heartbeat.run();

            assertThatThrownBy(() -> system.tokens().user(loggedOut, "researcher").mfa().refreshed()).hasMessageContaining("invalid_grant");
            assertThatThrownBy(() -> system.tokens().user(disabled, "researcher").mfa().refreshed()).hasMessageContaining("invalid_grant");
            system.tokens().forget(disabled);
            assertThatThrownBy(() -> system.tokens().user(disabled, "researcher").bearer()).hasMessageContaining("invalid_grant");
            api.request(loggedOutsToken).get("/me").then().statusCode(200);

            await("the held tokens expire and are refused everywhere, and their sessions end while the other keeps hers")
                    .atMost(ENDS_WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        heartbeat.run();
                        for (String token : List.of(loggedOutsToken, disabledsToken)) {
                            api.request(token).get("/me").then().statusCode(401);
                            given().baseUri(system.service(E2eSystem.DESKTOP).url()).header("Authorization", token)
                                    .get("/api/v1/sessions/{id}", sessions.get(staying)).then().statusCode(401);
                        }
                        for (String user : List.of(loggedOut, disabled)) {
                            api.as("service.desk", "service-desk").get("/sessions/{id}", sessions.get(user)).then().statusCode(200)
                                    .body("status", is("EXPIRED")).body("closeReason", containsString("sign-in ended"));
                        }
                    });
            heartbeat.run();
            // Signing in again is a new sign-in: it opens a new session, it does not revive the ended one.
            system.tokens().forget(loggedOut);
            api.withMfa(loggedOut, "researcher").post("/sessions/{id}/heartbeat", sessions.get(loggedOut)).then().statusCode(409);
        } finally {
            system.keycloakAdmin().setAccessTokenLifespan(Duration.ofMinutes(5));
        }
    }

    private static Map<String, String> person(String userId) {
        return Map.of("userId", userId, "name", "Person " + userId, "email", userId + "@example.org");
    }
}
