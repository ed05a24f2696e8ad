package fi.sd.apply.rest;

import static fi.sd.apply.ApplyApi.AINO;
import static fi.sd.apply.ApplyApi.AUDITOR;
import static fi.sd.apply.ApplyApi.MIKKO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import fi.sd.apply.ApplyApi;
import fi.sd.apply.ApplyFixtures;
import fi.sd.apply.ApplyFixtures.PermitApplication;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** GA4GH Passport v1.2 visas for entitlements, verified with the published JWKS. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class PassportTest {

    @Test
    void eachEntitlementIsAControlledAccessGrantsVisaThatVerifiesWithTheJwks() throws Exception {
        PermitApplication app = ApplyFixtures.approved(Map.of());
        List<String> visas = ApplyApi.get(MIKKO, "/api/v1/permissions/mikko.korhonen").statusCode(200)
                .extract().jsonPath().getList("ga4gh_passport_v1", String.class);
        String jwks = given().when().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JsonWebKeySet keys = new JsonWebKeySet(jwks);

        List<Map<String, Object>> grants = visas.stream().map(visa -> verified(visa, keys)).toList();

        assertThat(grants).extracting(g -> g.get("value")).contains("urn:sd:dataset:" + app.datasetId());
        Map<String, Object> grant = grants.stream().filter(g -> g.get("value").equals("urn:sd:dataset:" + app.datasetId())).findFirst().orElseThrow();
        assertThat(grant).containsEntry("type", "ControlledAccessGrants").containsEntry("by", "dac").containsKey("asserted");
    }

    @Test
    void onlyTheUserThemselfAnAuditorOrAnAdminReadsTheVisas() {
        ApplyApi.get(AINO, "/api/v1/permissions/mikko.korhonen").statusCode(403).contentType("application/problem+json");
        ApplyApi.get(AUDITOR, "/api/v1/permissions/mikko.korhonen").statusCode(200);
        given().when().get("/api/v1/permissions/mikko.korhonen").then().statusCode(401);
    }

    @Test
    void theJwksIsPublicAndHoldsOnlyPublicRsaKeys() {
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].kid", notNullValue())
                .body("keys.d", everyItem(nullValue()))
                .body("keys.p", everyItem(nullValue()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> verified(String visa, JsonWebKeySet keys) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(visa);
            assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
            jws.setKey(new VerificationJwkSelector().select(jws, keys.getJsonWebKeys()).getKey());
            assertThat(jws.verifySignature()).isTrue();
            JwtClaims claims = JwtClaims.parse(jws.getPayload());
            assertThat(claims.getSubject()).isEqualTo("mikko.korhonen");
            assertThat(claims.getExpirationTime().getValue()).isGreaterThan(claims.getIssuedAt().getValue());
            return (Map<String, Object>) claims.getClaimValue("ga4gh_visa_v1");
        } catch (Exception e) {
            throw new AssertionError("The visa does not verify: " + visa, e);
        }
    }
}
