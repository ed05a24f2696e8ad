package fi.sd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keycloak's admin REST API on the sd realm, as the master realm's admin of the test run: what the tests
 * do to people and to the realm (create users and set their roles, log them out, disable them, rotate
 * the signing key, shorten tokens). {@link KeycloakTokens} signs people in.
 */
public final class KeycloakAdmin {

    /** The services' roles: the only realm roles a user's roles are set among. */
    public static final Set<String> ROLES = Set.of("researcher", "permit-authority", "data-controller", "service-desk", "auditor", "admin");

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KeycloakProcess keycloak;
    private String adminToken;
    private Instant adminTokenRenewal = Instant.MIN;

    KeycloakAdmin(KeycloakProcess keycloak) {
        this.keycloak = keycloak;
    }

    /** A token of the master realm's admin (another issuer than the services trust). */
    public String masterToken() {
        JsonNode answer = form(keycloak.url() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", keycloak.adminPassword()));
        adminToken = answer.get("access_token").asText();
        adminTokenRenewal = Instant.now().plusSeconds(answer.get("expires_in").asLong() / 2);
        return adminToken;
    }

    private synchronized String adminToken() {
        return Instant.now().isBefore(adminTokenRenewal) ? adminToken : masterToken();
    }

    /** The user's id, when the realm has them. */
    public Optional<String> userId(String username) {
        JsonNode found = call("GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).get("id").asText());
    }

    /** Creates the user, or gives an existing one these credentials (password and TOTP key); returns their id. */
    public String putUser(String username, String password, String totpSecret) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username).put("enabled", true).put("emailVerified", true)
                .put("email", username.contains("@") ? username : username + "@example.org")
                .put("firstName", "Test").put("lastName", "Person");
        user.set("credentials", JSON.valueToTree(List.of(
                Map.of("type", "password", "value", password, "temporary", false),
                Map.of("type", "otp", "userLabel", "e2e", "secretData", json(Map.of("value", totpSecret)),
                        "credentialData", json(Map.of("subType", "totp", "digits", 6, "counter", 0, "period", 30, "algorithm", "HmacSHA1"))))));
        Optional<String> existing = userId(username);
        if (existing.isEmpty()) {
            call("POST", "/users", user);
            return userId(username).orElseThrow(() -> new IllegalStateException(username + " was not created"));
        }
        // Keycloak checks a code against the user's first TOTP key: the one they had (a demo user's) goes first.
        for (JsonNode credential : call("GET", "/users/" + existing.get() + "/credentials", null)) {
            if ("otp".equals(credential.path("type").asText())) {
                call("DELETE", "/users/" + existing.get() + "/credentials/" + credential.get("id").asText(), null);
            }
        }
        ObjectNode current = (ObjectNode) call("GET", "/users/" + existing.get(), null);
        current.set("credentials", user.get("credentials"));
        current.put("enabled", true);
        call("PUT", "/users/" + existing.get(), current);
        return existing.get();
    }

    /** The user's roles among {@link #ROLES} become exactly {@code roles}. */
    public void setRoles(String userId, Set<String> roles) {
        if (!ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("Unknown roles " + roles + ": the realm's are " + ROLES);
        }
        List<JsonNode> stale = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (JsonNode role : call("GET", "/users/" + userId + "/role-mappings/realm", null)) {
            String name = role.get("name").asText();
            present.add(name);
            if (ROLES.contains(name) && !roles.contains(name)) {
                stale.add(role);
            }
        }
        if (!stale.isEmpty()) {
            call("DELETE", "/users/" + userId + "/role-mappings/realm", JSON.valueToTree(stale));
        }
        List<JsonNode> missing = roles.stream().filter(r -> !present.contains(r)).map(r -> call("GET", "/roles/" + r, null))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            call("POST", "/users/" + userId + "/role-mappings/realm", JSON.valueToTree(missing));
        }
    }

    /** Sets the user's organisation (the {@code org} claim). */
    public void setOrganisation(String userId, String org) {
        ObjectNode user = (ObjectNode) call("GET", "/users/" + userId, null);
        ObjectNode attributes = user.has("attributes") ? (ObjectNode) user.get("attributes") : user.putObject("attributes");
        attributes.set("org", JSON.valueToTree(List.of(org)));
        call("PUT", "/users/" + userId, user);
    }

    /** Ends every sign-in (session) of the user at Keycloak, as an operator's "Sign out" does. */
    public void logout(String username) {
        call("POST", "/users/" + requireUser(username) + "/logout", null);
    }

    /** Disables the user: no sign-in, no token renewal. */
    public void disable(String username) {
        String id = requireUser(username);
        ObjectNode user = (ObjectNode) call("GET", "/users/" + id, null);
        user.put("enabled", false);
        call("PUT", "/users/" + id, user);
    }

    /** How long the realm's access tokens live from now on. */
    public void setAccessTokenLifespan(Duration lifespan) {
        call("PUT", "", JSON.createObjectNode().put("accessTokenLifespan", lifespan.toSeconds()));
    }

    /** A new RSA signing key, preferred over the realm's current one: tokens from now on name its kid. Returns the kid. */
    public String rotateSigningKey() {
        ObjectNode component = JSON.createObjectNode().put("name", "rotated-" + System.currentTimeMillis())
                .put("providerId", "rsa-generated").put("providerType", "org.keycloak.keys.KeyProvider");
        component.set("config", JSON.valueToTree(Map.of("priority", List.of(Long.toString(System.currentTimeMillis() / 1000)),
                "enabled", List.of("true"), "active", List.of("true"), "algorithm", List.of("RS256"), "keySize", List.of("2048"))));
        call("POST", "/components", component);
        return activeSigningKeyId();
    }

    /** The kid of the key that signs RS256 tokens now. */
    public String activeSigningKeyId() {
        return call("GET", "/keys", null).get("active").get("RS256").asText();
    }

    /** A public client of the realm with direct grant and none of the services' scopes: its tokens name no sd-api audience. */
    public void createClientWithoutTheApiAudience(String clientId) {
        ObjectNode client = JSON.createObjectNode().put("clientId", clientId).put("publicClient", true)
                .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", true).put("fullScopeAllowed", true);
        client.set("defaultClientScopes", JSON.valueToTree(List.of("basic")));
        call("POST", "/clients", client);
    }

    private String requireUser(String username) {
        return userId(username).orElseThrow(() -> new IllegalArgumentException("No user " + username + " in the realm"));
    }

    private JsonNode call(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/sd" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + adminToken());
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + method + " " + path + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : read(response.body());
    }

    /** A form POST to one of Keycloak's endpoints; a refusal is an {@link IllegalStateException} with Keycloak's own words. */
    static JsonNode form(String url, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        JsonNode answer = read(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused (" + response.statusCode() + "): "
                    + answer.path("error").asText() + " " + answer.path("error_description").asText());
        }
        return answer;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak cannot be reached at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak's answer is not JSON: " + body, e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
