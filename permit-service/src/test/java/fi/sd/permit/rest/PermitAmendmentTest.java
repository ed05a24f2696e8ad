package fi.sd.permit.rest;

import static fi.sd.permit.PermitApi.AINO;
import static fi.sd.permit.PermitApi.FINDATA;
import static fi.sd.permit.PermitApi.KELA;
import static fi.sd.permit.PermitApi.STRANGER;
import static fi.sd.permit.PermitApi.THL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.events.EventType;
import fi.sd.permit.PermitApi;
import fi.sd.permit.PermitEvents;
import fi.sd.permit.PermitFixtures;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Amendments, revocation and the versions they leave behind. */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class PermitAmendmentTest {

    private static final String MIKKO = TestTokens.user("mikko.korhonen", "researcher").bearer();
    private static final String LIISA = TestTokens.user("liisa.nieminen", "researcher").bearer();

    @Test
    void theIssuerAmendsValidityAndPersonsAsANewVersionAnnouncedWithPermitAmended() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        String id = PermitApi.record(FINDATA, body);
        String newValidUntil = LocalDate.parse((String) body.get("validUntil")).plusYears(1).toString();
        Map<String, Object> amendment = Map.of("validUntil", newValidUntil, "reason", "Extension, decision THL/99/2027",
                "persons", List.of(PermitFixtures.person("aino.virtanen"), PermitFixtures.person("liisa.nieminen")));

        given().header("Authorization", FINDATA).header("X-Request-Id", "req-amend-1").contentType(ContentType.JSON).body(amendment)
                .when().post("/api/v1/permits/" + id + "/amendments")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/permits/" + id + "/versions/2"))
                .body("version", equalTo(2))
                .body("kind", equalTo("AMENDED"))
                .body("status", equalTo("ACTIVE"))
                .body("actor", equalTo("findata.officer"))
                .body("reason", equalTo("Extension, decision THL/99/2027"))
                .body("changes", equalTo(List.of("validUntil", "persons")))
                .body("permit.version", equalTo(2))
                .body("permit.validUntil", equalTo(newValidUntil));

        ConsumerRecord<String, String> record = PermitEvents.awaitOne(EventType.PERMIT_AMENDED, id);
        assertThat(PermitEvents.header(record, "ce_requestid")).isEqualTo("req-amend-1");
        JsonNode payload = PermitEvents.body(record);
        assertThat(payload.at("/permit/version").asInt()).isEqualTo(2);
        assertThat(payload.at("/permit/validUntil").asText()).isEqualTo(newValidUntil);
        assertThat(payload.at("/permit/persons/1/userId").asText()).isEqualTo("liisa.nieminen");
        assertThat(payload.at("/changes").toString()).isEqualTo("[\"validUntil\",\"persons\"]");
        assertThat(payload.at("/reason").asText()).isEqualTo("Extension, decision THL/99/2027");
        assertThat(payload.at("/actor").asText()).isEqualTo("findata.officer");

        PermitApi.get(LIISA, "/api/v1/permits/" + id).statusCode(200).body("version", equalTo(2))
                .body("validUntil", equalTo(newValidUntil));
        PermitApi.get(MIKKO, "/api/v1/permits/" + id).statusCode(404);
        // The first version stays as it was recorded.
        PermitApi.get(AINO, "/api/v1/permits/" + id + "/versions")
                .statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("kind", equalTo(List.of("RECORDED", "AMENDED")))
                .body("[0].permit.validUntil", equalTo(body.get("validUntil")))
                .body("[0].permit.persons.userId", hasItem("mikko.korhonen"))
                .body("[1].permit.persons.userId", not(hasItem("mikko.korhonen")));
    }

    @Test
    void aRegisterControllerAmendsDatasetsOnlyWithinItsOwnData() {
        Map<String, Object> body = PermitFixtures.registerPermit("THL");
        String id = PermitApi.record(THL, body);
        String suffix = PermitFixtures.unique();

        PermitApi.amend(THL, id, Map.of("reason", "Kela data too", "datasets", List.of(PermitFixtures.dataset("kela-" + suffix, "Kela"))))
                .statusCode(403);
        PermitApi.amend(THL, id, Map.of("reason", "A second register", "datasets",
                List.of(PermitFixtures.dataset("thl-a-" + suffix, "THL"), PermitFixtures.dataset("thl-b-" + suffix, "THL"))))
                .statusCode(201).body("changes", equalTo(List.of("datasets"))).body("permit.datasets.id", hasItems("thl-b-" + suffix));
        PermitApi.amend(KELA, id, Map.of("reason", "Not mine", "validUntil", LocalDate.now().plusYears(3).toString()))
                .statusCode(404);
    }

    @Test
    void onlyTheIssuerAmendsAndOthersGet403Or404() {
        String id = PermitApi.record(FINDATA, PermitFixtures.findataPermit());
        Map<String, Object> amendment = Map.of("reason", "More time", "validUntil", LocalDate.now().plusYears(3).toString());

        PermitApi.amend(AINO, id, amendment).statusCode(403).contentType("application/problem+json");
        PermitApi.amend(PermitApi.AUDITOR, id, amendment).statusCode(403);
        PermitApi.amend(STRANGER, id, amendment).statusCode(404);
        PermitApi.amend(THL, id, amendment).statusCode(404);
        PermitApi.amend(FINDATA, "no-such-permit", amendment).statusCode(404);
        given().contentType(ContentType.JSON).body(amendment).when().post("/api/v1/permits/" + id + "/amendments")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void malformedAmendmentsAre400() {
        String id = PermitApi.record(FINDATA, PermitFixtures.findataPermit());

        PermitApi.amend(FINDATA, id, Map.of("validUntil", LocalDate.now().plusYears(3).toString()))
                .statusCode(400).body("errors.field", equalTo(List.of("reason")));
        PermitApi.amend(FINDATA, id, Map.of("reason", "Nobody", "persons", List.of()))
                .statusCode(400).body("errors.field", equalTo(List.of("persons")));
        PermitApi.amend(FINDATA, id, Map.of("reason", "Bad address", "persons",
                List.of(Map.of("userId", "liisa", "name", "Liisa", "email", "liisa-at-example"))))
                .statusCode(400).body("errors.field", hasItem("persons[0].email"));
        PermitApi.amend(FINDATA, id, Map.of("reason", "Bad date", "validUntil", "next year"))
                .statusCode(400).body("errors[0].field", equalTo("validUntil"));
    }

    @Test
    void amendmentsThatBreakTheRulesOrChangeNothingAre422() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        String id = PermitApi.record(FINDATA, body);
        LocalDate validFrom = LocalDate.parse((String) body.get("validFrom"));

        PermitApi.amend(FINDATA, id, Map.of("reason", "Same as before", "validUntil", body.get("validUntil")))
                .statusCode(422).body("detail", containsString("changes nothing"));
        PermitApi.amend(FINDATA, id, Map.of("reason", "Only a reason")).statusCode(422);
        List<Object> reordered = new ArrayList<>((List<?>) body.get("persons"));
        Collections.reverse(reordered);
        PermitApi.amend(FINDATA, id, Map.of("reason", "Same persons", "persons", reordered)).statusCode(422);
        PermitApi.amend(FINDATA, id, Map.of("reason", "Before start", "validUntil", validFrom.minusDays(1).toString()))
                .statusCode(422).body("errors.field", hasItem("validUntil"));
        PermitApi.amend(FINDATA, id, Map.of("reason", "Too long", "validUntil", validFrom.plusYears(10).toString()))
                .statusCode(422).body("errors[0].message", containsString("at most 10 years"));
        PermitApi.amend(FINDATA, id, Map.of("reason", "Twice", "persons",
                List.of(PermitFixtures.person("liisa"), PermitFixtures.person("liisa"))))
                .statusCode(422).body("errors.field", equalTo(List.of("persons[1].userId")));

        PermitApi.get(FINDATA, "/api/v1/permits/" + id).statusCode(200).body("version", equalTo(1));
    }

    @Test
    void twoAmendmentsAtOnceBecomeTwoVersionsOneAfterTheOther() throws Exception {
        String id = PermitApi.record(FINDATA, PermitFixtures.findataPermit());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int years : List.of(3, 4)) {
                Callable<Integer> amend = () -> {
                    start.await();
                    return PermitApi.amend(FINDATA, id, Map.of("reason", years + " years",
                            "validUntil", LocalDate.now().plusYears(years).toString())).extract().statusCode();
                };
                results.add(pool.submit(amend));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        PermitApi.get(FINDATA, "/api/v1/permits/" + id + "/versions").statusCode(200).body("version", equalTo(List.of(1, 2, 3)));
    }

    @Test
    void theIssuerRevokesAPermitForGoodAndPermitRevokedIsPublished() {
        String id = PermitApi.record(THL, PermitFixtures.registerPermit("THL"));

        PermitApi.revoke(THL, id, "Conditions of the permit breached")
                .statusCode(200).body("status", equalTo("REVOKED")).body("version", equalTo(2));

        JsonNode payload = PermitEvents.assertCloudEvent(PermitEvents.awaitOne(EventType.PERMIT_REVOKED, id), EventType.PERMIT_REVOKED, id);
        assertThat(payload.at("/version").asInt()).isEqualTo(2);
        assertThat(payload.at("/reason").asText()).isEqualTo("Conditions of the permit breached");
        assertThat(payload.at("/actor").asText()).isEqualTo("thl.controller");
        assertThat(payload.at("/projectId").asText()).startsWith("proj-");

        PermitApi.get(AINO, "/api/v1/permits/" + id + "/versions/2").statusCode(200)
                .body("kind", equalTo("REVOKED")).body("status", equalTo("REVOKED"))
                .body("reason", equalTo("Conditions of the permit breached"));
        PermitApi.revoke(THL, id, "Again").statusCode(409).contentType("application/problem+json");
        PermitApi.amend(THL, id, Map.of("reason", "Too late", "validUntil", LocalDate.now().plusYears(3).toString()))
                .statusCode(409).body("detail", containsString("revoked"));
    }

    @Test
    void revocationNeedsTheIssuerAndAReason() {
        String id = PermitApi.record(FINDATA, PermitFixtures.findataPermit());

        PermitApi.post(FINDATA, "/api/v1/permits/" + id + "/revocation", new HashMap<>()).statusCode(400)
                .body("errors.field", equalTo(List.of("reason")));
        PermitApi.revoke(FINDATA, id, " ").statusCode(400);
        PermitApi.revoke(AINO, id, "I want out").statusCode(403);
        PermitApi.revoke(STRANGER, id, "Not mine").statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post("/api/v1/permits/" + id + "/revocation")
                .then().statusCode(401);
        PermitApi.get(FINDATA, "/api/v1/permits/" + id).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void versionsAreVisibleToThoseWhoSeeThePermitAndAMissingVersionIs404() {
        String id = PermitApi.record(FINDATA, PermitFixtures.findataPermit());

        PermitApi.get(AINO, "/api/v1/permits/" + id + "/versions").statusCode(200).body("size()", equalTo(1));
        PermitApi.get(AINO, "/api/v1/permits/" + id + "/versions/2").statusCode(404).contentType("application/problem+json");
        PermitApi.get(AINO, "/api/v1/permits/" + id + "/versions/0").statusCode(404);
        PermitApi.get(AINO, "/api/v1/permits/" + id + "/versions/latest").statusCode(404);
        PermitApi.get(STRANGER, "/api/v1/permits/" + id + "/versions").statusCode(404);
        PermitApi.get(STRANGER, "/api/v1/permits/" + id + "/versions/1").statusCode(404);
        given().when().get("/api/v1/permits/" + id + "/versions").then().statusCode(401);
    }
}
