package fi.sd.e2e;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.sd.testsupport.TestTokens;

/**
 * Signing in at the real Keycloak: the gateway shows who its token says; tokens that are not the sd
 * realm's for the API are refused with 401 by the gateway and by every service on its own; a desktop
 * session needs the second factor.
 */
class SignInIT extends SystemTest {

    @Test
    void theGatewayShowsThePersonAndRolesKeycloakSignedIn() {
        String name = "signin.ulla." + suffix();
        api.as(name, "researcher", "auditor").get("/me").then().statusCode(200)
                .body("userId", is(name)).body("roles", containsInAnyOrder("auditor", "researcher"))
                .body("org", nullValue()).body("mfa", is(false));
        api.withMfa(name, "researcher", "auditor").get("/me").then().statusCode(200).body("mfa", is(true));
        String controller = "signin.registrar." + suffix();
        api.asController(controller, "REG-SIGNIN").get("/me").then().statusCode(200)
                .body("userId", is(controller)).body("roles", containsInAnyOrder("data-controller")).body("org", is("REG-SIGNIN"));
    }

    @Test
    void aTokenSignedByAnotherKeyFromAnotherIssuerOrForAnotherAudienceIsRefusedEverywhere() {
        String name = "signin.outsider." + suffix();
        api.as(name, "researcher").get("/me").then().statusCode(200);

        String anotherKey = TestTokens.user(name, "researcher").issuer(system.tokens().issuer()).audience(KeycloakTokens.AUDIENCE)
                .keyId(system.keycloakAdmin().activeSigningKeyId()).foreignSigned().bearer();
        refusedEverywhere(anotherKey);

        refusedEverywhere("Bearer " + system.keycloakAdmin().masterToken());

        String clientId = "signin-other-app-" + suffix();
        system.keycloakAdmin().createClientWithoutTheApiAudience(clientId);
        refusedEverywhere("Bearer " + system.tokens().user(name).throughClient(clientId));
    }

    @Test
    void aDesktopSessionNeedsTheSecondFactor() {
        String researcher = "signin.mfa." + suffix();
        String project = "signin-" + suffix();
        Map<String, Object> permit = new HashMap<>(Api.findataPermit(project, system.today(), system.today().plusYears(1)));
        permit.put("persons", List.of(Map.of("userId", researcher, "name", "Signe In", "email", "signe@example.org")));
        api.asFindata().body(permit).post("/permits").then().statusCode(201);
        String workspaceId = Flows.awaitWorkspace(api, project, "READY");
        String desktopId = Flows.runningDesktop(api, workspaceId, researcher);

        api.as(researcher, "researcher").post("/desktops/{id}/sessions", desktopId).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("second factor"));
        api.withMfa(researcher, "researcher").post("/desktops/{id}/sessions", desktopId).then().statusCode(201);
    }

    /** A 401 problem at the gateway, and at each service asked directly (every service checks the token itself). */
    private static void refusedEverywhere(String authorization) {
        answersEverywhere(authorization, 401);
        api.request(authorization).get("/me").then().contentType("application/problem+json")
                .body("detail", containsString("not valid"));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
