package fi.sd.e2e;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Keycloak as bin/sd runs it (bin/lib/keycloak.sh: Maven Central's distribution on a JDK 21+, the realm
 * of deploy/keycloak/sd-realm.json imported) on a free port, its state in the run's directory, so that a
 * test can stop it and start it again on the same data. The issuer is http://127.0.0.1:PORT/realms/sd.
 */
public final class KeycloakProcess {

    /** The first start of a fresh unpack builds the server image and creates the database: minutes on a busy machine. */
    private static final Duration FIRST_START = Duration.ofMinutes(10);
    private static final Duration RESTART = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port = FreePorts.next();
    private final String adminPassword = randomSecret();
    private final String webClientSecret = randomSecret();
    private final ManagedProcess process;
    private boolean startedOnce;

    /** {@code webUrl}: the web front end's address, where the realm's sd-web client lets sign-ins return. */
    KeycloakProcess(Path root, Path directory, String webUrl) {
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                "SD_WEB_CLIENT_SECRET", webClientSecret,
                "SD_WEB_URL", webUrl);
        process = new ManagedProcess("keycloak", List.of("bash", root.resolve("bin/lib/keycloak.sh").toString(), "run",
                directory.toString(), Integer.toString(port)), env, directory.resolve("keycloak.log"));
    }

    /** Launches the process; {@link #awaitReady()} waits for it, so that other processes can start meanwhile. */
    public void start() {
        process.start();
    }

    /** Waits until the realm's OpenID configuration answers. */
    public void awaitReady() {
        await("Keycloak ready on " + port).atMost(startedOnce ? RESTART : FIRST_START).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.alive()) {
                        throw new IllegalStateException("Keycloak stopped while starting:\n" + process.logTail());
                    }
                    return ready();
                });
        startedOnce = true;
    }

    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** SIGTERM: Keycloak shuts down; its database stays for the next start. */
    public void stop() {
        process.stop();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The sd realm's issuer, as the services are configured with it. */
    public String realmUrl() {
        return url() + "/realms/sd";
    }

    public String jwksUrl() {
        return realmUrl() + "/protocol/openid-connect/certs";
    }

    String adminPassword() {
        return adminPassword;
    }

    String webClientSecret() {
        return webClientSecret;
    }

    static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
