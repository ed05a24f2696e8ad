package fi.sd.e2e;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import fi.sd.testsupport.TestTokens;

/** What a front end does, through the gateway only. */
public final class Api {

    public static final String FINDATA_OFFICER = "findata.officer";
    public static final String RESEARCHER = "mikko.korhonen";
    public static final String SERVICE_DESK = "service.desk";

    private final E2eSystem system;

    public Api(E2eSystem system) {
        this.system = system;
    }

    public RequestSpecification as(String userId, String... roles) {
        return given().baseUri(system.gatewayUrl()).basePath("/api/v1")
                .header("Authorization", TestTokens.user(userId, roles).bearer())
                .contentType(ContentType.JSON);
    }

    /** A caller who signed in with a second factor (`mfa` in `amr`), as a desktop session needs. */
    public RequestSpecification withMfa(String userId, String... roles) {
        return given().baseUri(system.gatewayUrl()).basePath("/api/v1")
                .header("Authorization", TestTokens.user(userId, roles).mfa().bearer())
                .contentType(ContentType.JSON);
    }

    public RequestSpecification asFindata() {
        return as(FINDATA_OFFICER, "permit-authority");
    }

    /** Records a Findata permit for {@code projectId}, valid from today until {@code validUntil}; returns its id. */
    public String grantFindataPermit(String projectId, LocalDate validUntil) {
        return asFindata().body(findataPermit(projectId, system.today(), validUntil))
                .post("/permits").then().statusCode(201).extract().path("id");
    }

    public String grantFindataPermit(String projectId) {
        return grantFindataPermit(projectId, system.today().plusYears(1));
    }

    public static Map<String, Object> findataPermit(String projectId, LocalDate validFrom, LocalDate validUntil) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("journalNumber", "THL/" + suffix + "/14.02.00/2026");
        body.put("route", "FINDATA");
        body.put("holder", Map.of("organisation", "University of Helsinki", "principalInvestigator", "Aino Virtanen"));
        body.put("projectId", projectId);
        body.put("title", "Cardiometabolic risk in young adults");
        body.put("purpose", "Register-based cohort study of cardiometabolic risk factors.");
        body.put("datasets", List.of(Map.of("id", "thl-avohilmo", "controller", "THL", "title", "Avohilmo 2015-2024")));
        body.put("persons", List.of(Map.of("userId", RESEARCHER, "name", "Mikko Korhonen", "email", "mikko.korhonen@example.org")));
        body.put("validFrom", validFrom.toString());
        body.put("validUntil", validUntil.toString());
        body.put("conditions", "Results only at aggregate level, n >= 5.");
        return body;
    }
}
