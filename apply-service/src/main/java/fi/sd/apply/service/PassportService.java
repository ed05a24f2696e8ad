package fi.sd.apply.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import fi.sd.apply.config.ApplyConfig;
import fi.sd.apply.domain.Entitlement;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** A user's entitlements as GA4GH Passport v1.2 {@code ControlledAccessGrants} visas, RS256-signed. */
@ApplicationScoped
public class PassportService {

    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private final EntitlementService entitlements;
    private final VisaKeys keys;
    private final Clock clock;
    private final ApplyConfig.Passport config;

    @Inject
    public PassportService(EntitlementService entitlements, VisaKeys keys, Clock clock, ApplyConfig config) {
        this.entitlements = entitlements;
        this.keys = keys;
        this.clock = clock;
        this.config = config.passport();
    }

    /** One visa per active entitlement; the user themself, auditors and admins may read them. */
    public List<String> visas(String userId, Caller caller) {
        if (!caller.subject().equals(userId) && !caller.hasAny(Role.AUDITOR, Role.ADMIN)) {
            throw ProblemException.forbidden("Only the user themself, an auditor or an admin may read a user's visas");
        }
        Instant now = clock.instant();
        VisaKeys.Signer signer = keys.signer();
        return entitlements.activeFor(userId).stream()
                .filter(e -> e.end == null || e.end.isAfter(now))
                .map(e -> sign(e, now, signer)).toList();
    }

    private String sign(Entitlement entitlement, Instant now, VisaKeys.Signer signer) {
        Instant expires = now.plus(config.visaLifetime());
        if (entitlement.end != null && entitlement.end.isBefore(expires)) {
            expires = entitlement.end;
        }
        Map<String, Object> visa = new LinkedHashMap<>();
        visa.put("type", "ControlledAccessGrants");
        visa.put("asserted", entitlement.start.getEpochSecond());
        visa.put("value", config.datasetPrefix() + entitlement.datasetId);
        visa.put("source", config.source());
        visa.put("by", "dac");
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer());
        claims.setSubject(entitlement.userId);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setClaim("ga4gh_visa_v1", visa);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.key());
        jws.setKeyIdHeaderValue(signer.kid());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setHeader("jku", config.issuer() + JWKS_PATH);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Visa not signed", e);
        }
    }
}
