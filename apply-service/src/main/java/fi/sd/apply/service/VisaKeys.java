package fi.sd.apply.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

import fi.sd.apply.domain.SigningKey;

/**
 * The keys that sign GA4GH visas. The first one is made at first start (or first need) and kept in the
 * database, so that every replica signs with it and it survives restarts; it is never configured
 * in files. Replicas racing at first start may each store one: all are published, the oldest signs.
 */
@ApplicationScoped
public class VisaKeys {

    private static final Logger LOG = Logger.getLogger(VisaKeys.class);

    private final Clock clock;

    @Inject
    public VisaKeys(Clock clock) {
        this.clock = clock;
    }

    /** The key that signs, with its key id. */
    @Transactional
    public Signer signer() {
        SigningKey key = oldest();
        try {
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey)));
            return new Signer(key.kid, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored visa signing key " + key.kid + " cannot be read", e);
        }
    }

    /** Every public key, as JWKs. */
    @Transactional
    public List<Map<String, Object>> publicJwks() {
        oldest();
        return SigningKey.<SigningKey>list("order by createdAt, kid").stream().map(VisaKeys::jwk).toList();
    }

    private SigningKey oldest() {
        return SigningKey.<SigningKey>find("order by createdAt, kid").firstResultOptional().orElseGet(this::generate);
    }

    private SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            SigningKey key = new SigningKey();
            key.kid = "visa-" + UUID.randomUUID();
            key.privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            key.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            key.createdAt = clock.instant();
            key.persist();
            LOG.infof("Visa signing key %s generated", key.kid);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No RSA key generator", e);
        }
    }

    private static Map<String, Object> jwk(SigningKey key) {
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey)));
            RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
            jwk.setKeyId(key.kid);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored visa key " + key.kid + " cannot be read", e);
        }
    }

    /** A private key and its id. */
    public record Signer(String kid, PrivateKey key) {
    }
}
