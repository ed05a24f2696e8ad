package fi.sd.permit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fi.sd.permit.PermitApi;
import fi.sd.permit.PermitFixtures;
import fi.sd.testsupport.ServiceTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every permit endpoint but the public register wants a valid token, and says so the same way. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class AuthenticationTest {

    @Test
    void everyPermitEndpointAnswers401WithoutAToken() {
        String id = PermitApi.record(PermitApi.FINDATA, PermitFixtures.findataPermit());
        String base = "/api/v1/permits/" + id;
        for (String path : List.of("/api/v1/permits", base, base + "/versions", base + "/versions/1", base + "/releases",
                base + "/releases/any")) {
            given().when().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        }
        for (String path : List.of("/api/v1/permits", base + "/amendments", base + "/revocation", base + "/releases")) {
            given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(path)
                    .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        }
    }

    @Test
    void thePublicRegisterIgnoresCredentials() {
        given().when().get("/api/v1/public/permits").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-token").when().get("/api/v1/public/permits").then().statusCode(200);
    }
}
