package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A new signing key in Keycloak: its tokens are accepted by the gateway and every service without a
 * restart (they read the JWKS again for a key id they do not know, at most once a minute), and tokens
 * signed with the key before it keep working while Keycloak still publishes it.
 */
class KeyRotationIT extends SystemTest {


    @Test
    void aKeyRotatedInKeycloakIsTakenUpWithoutARestart() throws Exception {
        String name = "rotation.rea." + UUID.randomUUID().toString().substring(0, 8);
        String before = system.tokens().user(name, "researcher").bearer();
        answersEverywhere(before, 200);
        String previousKey = system.keycloakAdmin().activeSigningKeyId();

        String newKey = system.keycloakAdmin().rotateSigningKey();
        assertThat(newKey).isNotEqualTo(previousKey);
        system.tokens().forget(name);
        String after = system.tokens().user(name, "researcher").bearer();
        assertThat(keyIdOf(after)).isEqualTo(newKey);

        await("the new key is taken up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> answersEverywhere(after, 200));
        answersEverywhere(before, 200);
    }


    private static String keyIdOf(String bearer) throws Exception {
        String header = bearer.substring("Bearer ".length()).split("\\.")[0];
        return KeycloakAdmin.JSON.readTree(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8)).get("kid").asText();
    }
}
