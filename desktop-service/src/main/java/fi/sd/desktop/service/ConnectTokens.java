package fi.sd.desktop.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.desktop.domain.DesktopSession;
import fi.sd.desktop.domain.SessionKey;
import io.quarkus.runtime.StartupEvent;

/**
 * Signs the token in a session's connect URL: a JWT (HS256) that the remote-desktop gateway checks
 * with the same key. The key is 256 random bits made at first start and kept in the database
 * only, so every replica signs alike; if replicas race at first start, the oldest key signs.
 */
@ApplicationScoped
public class ConnectTokens {

    public static final String ISSUER = "urn:sd:desktop-service";
    public static final String AUDIENCE = "urn:sd:desktop-gateway";

    private static final Logger LOG = Logger.getLogger(ConnectTokens.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final ObjectMapper json;

    @Inject
    public ConnectTokens(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        key();
    }

    /** A token for the session's user to connect to its desktop until {@code expiresAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String sign(DesktopSession session, Instant expiresAt) {
        SessionKey key = key();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        header.put("kid", key.kid);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", session.userId);
        claims.put("sid", session.id);
        claims.put("desktop", session.desktopId);
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + BASE64URL.encodeToString(hmac(key, signingInput));
    }

    /** A connect token's claims, once its signature, issuer, audience and expiry have been checked. */
    public record Verified(String subject, String sessionId, String desktopId, String tokenId) {
    }

    /**
     * Checks a token as the remote-desktop bridge receives it: well-formed, HS256 with a key of ours, our
     * issuer and audience, not expired on the platform clock. A token that fails any of these is refused
     * with {@link ConnectTokenRefused} (nothing of it is trusted, not even its subject).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verified verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new ConnectTokenRefused("malformed");
        }
        Map<String, Object> header = decode(parts[0]);
        Map<String, Object> claims = decode(parts[1]);
        SessionKey key = header.get("kid") instanceof String kid ? SessionKey.findById(kid) : null;
        if (!"HS256".equals(header.get("alg")) || key == null) {
            throw new ConnectTokenRefused("not signed with a key of desktop-service");
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new ConnectTokenRefused("malformed");
        }
        if (!MessageDigest.isEqual(signature, hmac(key, parts[0] + "." + parts[1]))) {
            throw new ConnectTokenRefused("its signature does not match (forged or altered)");
        }
        if (!ISSUER.equals(claims.get("iss")) || !AUDIENCE.equals(claims.get("aud"))) {
            throw new ConnectTokenRefused("not issued for the remote-desktop gateway");
        }
        if (!(claims.get("exp") instanceof Number exp) || clock.instant().getEpochSecond() >= exp.longValue()) {
            throw new ConnectTokenRefused("expired");
        }
        if (!(claims.get("sub") instanceof String subject) || !(claims.get("sid") instanceof String sessionId)
                || !(claims.get("desktop") instanceof String desktopId) || !(claims.get("jti") instanceof String tokenId)) {
            throw new ConnectTokenRefused("incomplete");
        }
        return new Verified(subject, sessionId, desktopId, tokenId);
    }

    private Map<String, Object> decode(String part) {
        try {
            return json.readValue(Base64.getUrlDecoder().decode(part), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException | IllegalArgumentException e) {
            throw new ConnectTokenRefused("malformed");
        }
    }

    private SessionKey key() {
        return SessionKey.<SessionKey>find("order by createdAt, kid").firstResultOptional().orElseGet(this::generate);
    }

    private SessionKey generate() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SessionKey key = new SessionKey();
        key.kid = "connect-" + UUID.randomUUID();
        key.secret = Base64.getEncoder().encodeToString(secret);
        key.createdAt = clock.instant();
        key.persist();
        LOG.infof("Connect token key %s generated", key.kid);
        return key;
    }

    private String encode(Map<String, Object> part) {
        try {
            return BASE64URL.encodeToString(json.writeValueAsBytes(part));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A token part could not be written", e);
        }
    }

    private static byte[] hmac(SessionKey key, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.secret), "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
