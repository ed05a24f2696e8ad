package fi.sd.permit.rest;

import static fi.sd.permit.PermitApi.AINO;
import static fi.sd.permit.PermitApi.AUDITOR;
import static fi.sd.permit.PermitApi.FINDATA;
import static fi.sd.permit.PermitApi.STRANGER;
import static fi.sd.permit.PermitApi.THL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.time.LocalDate;
import java.util.ArrayList;
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
import fi.sd.permit.domain.Validity;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class PermitGrantTest {

    @Test
    void findataPermitIsRecordedAsVersionOneAndPermitGrantedIsPublishedAsACloudEvent() {
        Map<String, Object> body = PermitFixtures.findataPermit();

        String id = given().header("Authorization", FINDATA).header("X-Request-Id", "req-grant-1")
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/permits")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/permits/"))
                .header("X-Request-Id", "req-grant-1")
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1))
                .body("issuer", equalTo("Findata"))
                .body("persons.userId", hasItem("mikko.korhonen"))
                .body("createdAt", notNullValue())
                .extract().path("id");

        ConsumerRecord<String, String> record = PermitEvents.awaitOne(EventType.PERMIT_GRANTED, id);
        assertThat(PermitEvents.header(record, "ce_requestid")).isEqualTo("req-grant-1");
        JsonNode payload = PermitEvents.body(record);
        assertThat(payload.at("/permit/permitId").asText()).isEqualTo(id);
        assertThat(payload.at("/permit/version").asInt()).isEqualTo(1);
        assertThat(payload.at("/permit/journalNumber").asText()).isEqualTo(body.get("journalNumber"));
        assertThat(payload.at("/permit/persons/1/userId").asText()).isEqualTo("mikko.korhonen");
        assertThat(payload.at("/actor").asText()).isEqualTo("findata.officer");

        PermitApi.get(TestTokens.user("mikko.korhonen", "researcher").bearer(), "/api/v1/permits/" + id)
                .statusCode(200).body("journalNumber", equalTo(body.get("journalNumber")));
        PermitApi.get(AINO, "/api/v1/permits/" + id + "/versions/1")
                .statusCode(200)
                .body("kind", equalTo("RECORDED"))
                .body("actor", equalTo("findata.officer"))
                .body("permit.journalNumber", equalTo(body.get("journalNumber")));
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        given().contentType(ContentType.JSON).body(PermitFixtures.findataPermit())
                .when().post("/api/v1/permits")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("requestId", notNullValue());
    }

    @Test
    void expiredOrForeignTokensAre401() {
        for (String token : List.of(TestTokens.user("findata.officer", "permit-authority").expired().bearer(),
                TestTokens.user("findata.officer", "permit-authority").foreignSigned().bearer(),
                TestTokens.user("findata.officer", "permit-authority").issuer("https://evil.example").bearer())) {
            PermitApi.post(token, "/api/v1/permits", PermitFixtures.findataPermit())
                    .statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aResearcherCannotRecordAPermit() {
        PermitApi.post(AINO, "/api/v1/permits", PermitFixtures.findataPermit())
                .statusCode(403).contentType("application/problem+json").body("type", containsString("forbidden"));
    }

    @Test
    void aControllerRecordsOnlyRegisterPermitsForItsOwnDatasets() {
        PermitApi.post(THL, "/api/v1/permits", PermitFixtures.registerPermit("Kela")).statusCode(403);
        PermitApi.post(THL, "/api/v1/permits", PermitFixtures.findataPermit()).statusCode(403);

        PermitApi.post(THL, "/api/v1/permits", PermitFixtures.registerPermit("THL"))
                .statusCode(201).body("issuer", equalTo("THL")).body("route", equalTo("REGISTER"));
    }

    @Test
    void malformedFieldsAre400WithFieldErrors() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        body.put("journalNumber", " ");
        body.put("title", "Line one\nline two");
        body.put("persons", List.of(Map.of("userId", "x y", "name", "X", "email", "not-an-email"),
                Map.of("userId", "z", "name", "Z", "email", "z@localhost")));
        body.put("datasets", List.of());
        body.put("purpose", "p".repeat(4001));
        body.remove("validUntil");

        PermitApi.post(FINDATA, "/api/v1/permits", body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("journalNumber", "title", "persons[0].userId", "persons[0].email", "persons[1].email",
                        "datasets", "purpose", "validUntil"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        given().header("Authorization", FINDATA).contentType(ContentType.JSON).body("{\"journalNumber\": ")
                .when().post("/api/v1/permits")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://sd.fi/problems/malformed-json"))
                .body("detail", equalTo("The request body is not valid JSON at line 1, column 19: "
                        + "Unexpected end-of-input within/between Object entries"));

        Map<String, Object> body = PermitFixtures.findataPermit();
        body.put("route", "SOMETHING");
        PermitApi.post(FINDATA, "/api/v1/permits", body)
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("route"));

        body = PermitFixtures.findataPermit();
        body.put("validFrom", "31.12.2026");
        PermitApi.post(FINDATA, "/api/v1/permits", body).statusCode(400).body("errors[0].field", equalTo("validFrom"));
    }

    @Test
    void rulesAcrossFieldsAre422WithFieldErrors() {
        LocalDate today = Validity.today(TestClock.INSTANCE);
        Map<String, Object> reversed = PermitFixtures.validity(PermitFixtures.findataPermit(), today.plusDays(10), today.plusDays(9));
        PermitApi.post(FINDATA, "/api/v1/permits", reversed)
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("rule-violated"))
                .body("errors.field", equalTo(List.of("validUntil")));

        Map<String, Object> tooLong = PermitFixtures.validity(PermitFixtures.findataPermit(), today, today.plusYears(10));
        PermitApi.post(FINDATA, "/api/v1/permits", tooLong)
                .statusCode(422).body("errors[0].message", containsString("at most 10 years"));
        PermitApi.post(FINDATA, "/api/v1/permits", PermitFixtures.validity(PermitFixtures.findataPermit(), today,
                today.plusYears(10).minusDays(1))).statusCode(201);

        Map<String, Object> ended = PermitFixtures.validity(PermitFixtures.findataPermit(), today.minusYears(2), today.minusDays(1));
        PermitApi.post(FINDATA, "/api/v1/permits", ended).statusCode(422).body("errors[0].message", containsString("past"));

        Map<String, Object> twice = PermitFixtures.findataPermit();
        twice.put("persons", List.of(PermitFixtures.person("aino.virtanen"), PermitFixtures.person("aino.virtanen")));
        twice.put("datasets", List.of(PermitFixtures.dataset("ds-1", "THL"), PermitFixtures.dataset("ds-1", "THL")));
        PermitApi.post(FINDATA, "/api/v1/permits", twice)
                .statusCode(422).body("errors.field", hasItems("persons[1].userId", "datasets[1].id"));
    }

    @Test
    void aJournalNumberIsRecordedOnce() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        PermitApi.post(FINDATA, "/api/v1/permits", body).statusCode(201);

        PermitApi.post(FINDATA, "/api/v1/permits", body).statusCode(409).contentType("application/problem+json");
        body.put("journalNumber", " " + body.get("journalNumber") + " ");
        PermitApi.post(FINDATA, "/api/v1/permits", body).statusCode(409);
    }

    @Test
    void theSameJournalNumberRecordedTwiceAtOnceIsOne201AndOne409() throws Exception {
        Map<String, Object> body = PermitFixtures.findataPermit();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> post = () -> {
            start.await();
            return PermitApi.post(FINDATA, "/api/v1/permits", body).extract().statusCode();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>(List.of(pool.submit(post), pool.submit(post)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPermitIsVisibleToItsIssuerPersonsAuditorsAndAdminsAndNotFoundForOthers() {
        String id = PermitApi.record(FINDATA, PermitFixtures.findataPermit());
        String registerId = PermitApi.record(THL, PermitFixtures.registerPermit("THL"));

        for (String visible : List.of(FINDATA, AINO, AUDITOR, TestTokens.user("root", "admin").bearer())) {
            PermitApi.get(visible, "/api/v1/permits/" + id).statusCode(200);
        }
        for (String invisible : List.of(STRANGER, THL, TestTokens.user("desk", "service-desk").bearer())) {
            PermitApi.get(invisible, "/api/v1/permits/" + id).statusCode(404).contentType("application/problem+json");
        }
        PermitApi.get(THL, "/api/v1/permits/" + registerId).statusCode(200);
        PermitApi.get(PermitApi.KELA, "/api/v1/permits/" + registerId).statusCode(404);
        PermitApi.get(FINDATA, "/api/v1/permits/" + registerId).statusCode(404);
        PermitApi.get(FINDATA, "/api/v1/permits/no-such-permit").statusCode(404);
    }
}
