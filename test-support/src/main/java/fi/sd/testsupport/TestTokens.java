package fi.sd.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed tokens for tests. The key pair is made when the test JVM starts and never written
 * anywhere but a temporary public-key file; nothing outside the tests trusts it.
 */
public final class TestTokens {

    public static final String ISSUER = "https://sd.test/issuer";
    public static final String AUDIENCE = "sd-api";

    private static final KeyPair KEYS = generate();
    private static final KeyPair FOREIGN_KEYS = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    /** A token for {@code userId} with the given roles ({@code groups}). */
    public static Builder user(String userId, String... roles) {
        return new Builder(userId, roles);
    }

    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("sd-test-jwt-", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(publicKeyFile, pem);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds one token; by default valid for an hour, for the test issuer and audience, with password sign-in only. */
    public static final class Builder {

        private final String userId;
        private final String[] roles;
        private String org;
        private boolean mfa;
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private PrivateKey signingKey = KEYS.getPrivate();
        private String keyId = "sd-test";
        private String signInSession;

        private Builder(String userId, String[] roles) {
            this.userId = userId;
            this.roles = roles;
        }

        public Builder org(String organisation) {
            this.org = organisation;
            return this;
        }

        public Builder mfa() {
            this.mfa = true;
            return this;
        }

        public Builder expired() {
            this.expiresAt = Instant.now().minus(Duration.ofMinutes(10));
            return this;
        }

        /** Valid for this long from now. */
        public Builder expiresIn(Duration lifetime) {
            this.expiresAt = Instant.now().plus(lifetime);
            return this;
        }

        /** From this sign-in at the identity provider (the {@code sid} claim). */
        public Builder signInSession(String sid) {
            this.signInSession = sid;
            return this;
        }

        /** The {@code kid} header: with {@link #foreignSigned()}, a key id the services know on a signature they cannot check. */
        public Builder keyId(String kid) {
            this.keyId = kid;
            return this;
        }

        public Builder issuer(String otherIssuer) {
            this.issuer = otherIssuer;
            return this;
        }

        public Builder audience(String otherAudience) {
            this.audience = otherAudience;
            return this;
        }

        /** Signed with a key that no service trusts. */
        public Builder foreignSigned() {
            this.signingKey = FOREIGN_KEYS.getPrivate();
            return this;
        }

        public String sign() {
            List<String> amr = new ArrayList<>(List.of("pwd"));
            if (mfa) {
                amr.add("mfa");
            }
            JwtClaimsBuilder claims = Jwt.issuer(issuer)
                    .subject(userId)
                    .upn(userId)
                    .audience(audience)
                    .groups(Set.of(roles))
                    .claim("amr", amr)
                    .issuedAt(Instant.now().minus(Duration.ofMinutes(11)))
                    .expiresAt(expiresAt);
            if (org != null) {
                claims.claim("org", org);
            }
            if (signInSession != null) {
                claims.claim("sid", signInSession);
            }
            return claims.jws().keyId(keyId).sign(signingKey);
        }

        /** The value of an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + sign();
        }
    }
}
