package fi.sd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fi.sd.testsupport.TestTokens;

/**
 * The real Keycloak process stops and starts again. Meanwhile tokens already issued keep working (the
 * services hold its keys), signing in fails with a clear message, a token signed with a key nobody
 * has seen is 401, a service that starts meanwhile answers 503 (it cannot read any key yet), nothing
 * answers 500, and everything recovers by itself once Keycloak is back.
 */
class IdentityProviderOutageIT extends SystemTest {


    @Test
    void whileKeycloakIsDownIssuedTokensWorkSigningInFailsClearlyAndEverythingRecoversWhenItIsBack() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "outage.olga." + suffix;
        String issued = system.tokens().user(name, "researcher").bearer();
        answersEverywhere(issued, 200);
        String unknownKey = TestTokens.user(name, "researcher").issuer(system.tokens().issuer()).audience(KeycloakTokens.AUDIENCE)
                .keyId("rotated-while-away-" + suffix).foreignSigned().bearer();

        ServiceProcess lateReplica;
        system.keycloak().stop();
        try {
            answersEverywhere(issued, 200);
            assertThatThrownBy(() -> system.tokens().user("outage.new." + suffix, "researcher").bearer())
                    .hasMessageContaining("Keycloak cannot be reached");
            answersEverywhere(unknownKey, 401);

            lateReplica = system.startReplica(E2eSystem.PERMIT);
            given().baseUri(lateReplica.url()).header("Authorization", issued).get("/api/v1/permits").then().statusCode(503)
                    .contentType("application/problem+json").body("type", endsWith("/identity-provider-unavailable"))
                    .header("Retry-After", notNullValue());
        } finally {
            system.keycloak().start();
            system.keycloak().awaitReady();
        }

        await("the replica reads the keys once Keycloak is back").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().baseUri(lateReplica.url()).header("Authorization", issued).get("/api/v1/permits")
                        .then().statusCode(200));
        answersEverywhere(system.tokens().user("outage.after." + suffix, "researcher").bearer(), 200);
        lateReplica.stop();
    }

}
