package fi.sd.e2e;

import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Access tokens from the run's Keycloak, for the end-to-end tests and the benchmarks: the one way they
 * sign people in, as {@code bin/sd token} does. A user named for the first time is created in the realm
 * (with a password and a TOTP key that only this JVM knows); naming roles or an organisation sets the
 * user's to exactly those. Tokens are short (5 minutes): each call hands out one valid for at least
 * {@link #MIN_VALIDITY}, renewed with the refresh token (the same sign-in, so a desktop session it opened
 * stays its own) or, when the sign-in has ended, by signing in again.
 *
 * <pre>
 * String bearer = system.tokens().user("mikko.korhonen", "researcher").mfa().bearer();
 * String controller = system.tokens().user("registrar.x", "data-controller").org("REG-X").bearer();
 * </pre>
 */
public final class KeycloakTokens {

    /** The services' audience: every token for them names it. */
    public static final String AUDIENCE = "sd-api";

    /** A token handed out is still valid for at least this long (a benchmark's wrk run uses one token throughout). */
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(2);

    private final KeycloakProcess keycloak;
    private final KeycloakAdmin admin;
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, SignedIn> signIns = new HashMap<>();

    KeycloakTokens(KeycloakProcess keycloak, KeycloakAdmin admin) {
        this.keycloak = keycloak;
        this.admin = admin;
    }

    /** A token for {@code userId}; with roles, the user's roles become exactly these (created first when new). */
    public Builder user(String userId, String... roles) {
        return new Builder(userId, roles);
    }

    /** Signs the user in again at the next call, whatever token they had (after a logout, say). */
    public synchronized void forget(String userId) {
        signIns.keySet().removeIf(key -> key.startsWith(userId + "|"));
    }

    /** The identity provider's issuer, as every service checks it. */
    public String issuer() {
        return keycloak.realmUrl();
    }

    /** One person's sign-in request; {@link #bearer()} or {@link #accessToken()} gets the token. */
    public final class Builder {

        private final String userId;
        private final Set<String> roles;
        private String org;
        private boolean mfa;

        private Builder(String userId, String[] roles) {
            this.userId = userId;
            this.roles = Set.of(roles);
        }

        /** The user's organisation (the {@code org} claim of a data controller). */
        public Builder org(String organisation) {
            this.org = organisation;
            return this;
        }

        /** Signed in with the second factor too: {@code mfa} in {@code amr}, as opening a desktop session needs. */
        public Builder mfa() {
            this.mfa = true;
            return this;
        }

        public String accessToken() {
            return token(userId, roles, org, mfa);
        }

        /** The value of an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + accessToken();
        }

        /** A token through another client of the realm (a new sign-in, not remembered), with that client's scopes. */
        public String throughClient(String clientId) {
            return signInThrough(userId, roles, org, clientId);
        }

        /** Renews the current sign-in's token now with its refresh token (fails once the sign-in has ended). */
        public String refreshed() {
            return refresh(userId, mfa);
        }

        /** What a person types into the identity provider's sign-in page: the user's password, and one-time codes on demand. */
        public Credentials credentials() {
            Person person = known(userId, roles, org);
            return new Credentials(userId, person.password, person::nextTotp);
        }
    }

    /** A person's password and their authenticator app: each call of {@code oneTimeCode} gives a code Keycloak has not seen. */
    public record Credentials(String userId, String password, java.util.function.Supplier<String> oneTimeCode) {
    }

    private synchronized String token(String userId, Set<String> roles, String org, boolean mfa) {
        Person person = person(userId, roles, org);
        String key = userId + "|" + mfa;
        SignedIn current = signIns.get(key);
        if (current != null && current.validFor(MIN_VALIDITY)) {
            return current.accessToken;
        }
        if (current != null && current.renewable()) {
            try {
                SignedIn renewed = current.renewed(tokenEndpoint());
                signIns.put(key, renewed);
                return renewed.accessToken;
            } catch (IllegalStateException ended) {
                signIns.remove(key);
            }
        }
        SignedIn fresh = signIn(userId, person, mfa);
        signIns.put(key, fresh);
        return fresh.accessToken;
    }

    private synchronized String refresh(String userId, boolean mfa) {
        SignedIn current = Optional.ofNullable(signIns.get(userId + "|" + mfa))
                .orElseThrow(() -> new IllegalStateException(userId + " has not signed in"));
        SignedIn renewed = current.renewed(tokenEndpoint());
        signIns.put(userId + "|" + mfa, renewed);
        return renewed.accessToken;
    }

    private synchronized Person known(String userId, Set<String> roles, String org) {
        return person(userId, roles, org);
    }

    /** The person as the realm must have them: created with credentials this JVM knows, their roles and org set as asked. */
    private Person person(String userId, Set<String> roles, String org) {
        Person person = people.get(userId);
        if (person == null) {
            person = new Person(randomHex(16), randomHex(10));
            person.id = admin.putUser(userId, person.password, person.totpSecret);
            people.put(userId, person);
        }
        boolean changed = false;
        if (!roles.isEmpty() && !roles.equals(person.roles)) {
            admin.setRoles(person.id, roles);
            person.roles = roles;
            changed = true;
        }
        if (org != null && !org.equals(person.org)) {
            admin.setOrganisation(person.id, org);
            person.org = org;
            changed = true;
        }
        if (changed) {
            forget(userId);
        }
        return person;
    }

    private synchronized String signInThrough(String userId, Set<String> roles, String org, String clientId) {
        Person person = person(userId, roles, org);
        return KeycloakAdmin.form(tokenEndpoint(), Map.of("grant_type", "password", "client_id", clientId,
                "username", userId, "password", person.password)).get("access_token").asText();
    }

    private SignedIn signIn(String userId, Person person, boolean mfa) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "sd-cli",
                "username", userId, "password", person.password));
        if (mfa) {
            form.put("scope", "mfa");
            form.put("otp", person.nextTotp());
        }
        return new SignedIn(KeycloakAdmin.form(tokenEndpoint(), form));
    }

    private String tokenEndpoint() {
        return keycloak.realmUrl() + "/protocol/openid-connect/token";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** A user this JVM made: their credentials, and the roles and org last set. */
    private static final class Person {

        final String password;
        final String totpSecret;
        String id;
        Set<String> roles = Set.of();
        String org;
        private long lastTotpCounter;

        Person(String password, String totpSecret) {
            this.password = password;
            this.totpSecret = totpSecret;
        }

        /** Keycloak takes a code once, and the next period's too: a second sign-in within 30 s uses the next one. */
        synchronized String nextTotp() {
            long counter = Math.max(Totp.currentCounter(), lastTotpCounter + 1);
            await("the next TOTP period").atMost(Duration.ofSeconds(Totp.PERIOD_SECONDS + 5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> counter <= Totp.currentCounter() + 1);
            lastTotpCounter = counter;
            return Totp.code(totpSecret, counter);
        }
    }

    /** One sign-in's tokens. */
    private static final class SignedIn {

        final String accessToken;
        final String refreshToken;
        final Instant expiresAt;
        final Instant refreshExpiresAt;

        SignedIn(JsonNode answer) {
            Instant now = Instant.now();
            this.accessToken = answer.get("access_token").asText();
            this.refreshToken = answer.path("refresh_token").asText(null);
            this.expiresAt = now.plusSeconds(answer.get("expires_in").asLong());
            this.refreshExpiresAt = now.plusSeconds(answer.path("refresh_expires_in").asLong(0));
        }

        boolean validFor(Duration time) {
            return Instant.now().plus(time).isBefore(expiresAt);
        }

        boolean renewable() {
            return refreshToken != null && Instant.now().plusSeconds(5).isBefore(refreshExpiresAt);
        }

        SignedIn renewed(String tokenEndpoint) {
            return new SignedIn(KeycloakAdmin.form(tokenEndpoint, Map.of("grant_type", "refresh_token", "client_id", "sd-cli",
                    "refresh_token", refreshToken)));
        }
    }
}
