package fi.sd.e2e;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What a front end does, through the gateway only. */
public final class Api {

    public static final String FINDATA_OFFICER = "findata.officer";
    public static final String RESEARCHER = "mikko.korhonen";
    public static final String SERVICE_DESK = "service.desk";

    /** Every request the tests sent to the gateway in this JVM, for the contract check against the OpenAPI document. */
    private static final Queue<Call> CALLS = new ConcurrentLinkedQueue<>();

    private final E2eSystem system;
    private final Filter recorder;

    public Api(E2eSystem system) {
        this.system = system;
        this.recorder = (request, response, context) -> {
            URI uri = URI.create(request.getURI());
            if (request.getURI().startsWith(system.gatewayUrl())) {
                CALLS.add(new Call(request.getMethod(), uri.getPath()));
            }
            return context.next(request, response);
        };
    }

    /** A request with a Keycloak token of {@code userId}, who has exactly these roles (created in the realm when new). */
    public RequestSpecification as(String userId, String... roles) {
        return request(system.tokens().user(userId, roles).bearer());
    }

    /** A data controller acting for {@code org} (the token's {@code org} claim). */
    public RequestSpecification asController(String userId, String org) {
        return request(system.tokens().user(userId, "data-controller").org(org).bearer());
    }

    /** A request with this {@code Authorization} header. */
    public RequestSpecification request(String authorization) {
        return given().baseUri(system.gatewayUrl()).basePath("/api/v1").filter(recorder)
                .header("Authorization", authorization)
                .contentType(ContentType.JSON);
    }

    /** A caller who signed in with a second factor (`mfa` in `amr`), as a desktop session needs. */
    public RequestSpecification withMfa(String userId, String... roles) {
        return request(system.tokens().user(userId, roles).mfa().bearer());
    }

    /** The calls recorded so far, in the order they were sent. */
    public static List<Call> calls() {
        return List.copyOf(CALLS);
    }

    /** One request as the gateway received it: the method and the path without the query. */
    public record Call(String method, String path) {
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
