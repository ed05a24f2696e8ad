package fi.sd.desktop.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
