package fi.sd.permit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.events.EventJson;
import fi.sd.events.EventSchemas;
import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.permit.PermitFixtures;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestTokens;
import fi.sd.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class PermitGrantTest {

    private static final String FINDATA = TestTokens.user("findata.officer", "permit-authority").bearer();

    @Test
    void findataPermitIsRecordedAndPermitGrantedIsPublishedAsACloudEvent() throws Exception {
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
                .extract().path("id");

        try (TopicReader reader = TopicReader.fromBeginning(Topic.PERMIT.topicName())) {
            List<ConsumerRecord<String, String>> records = reader.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo("fi.sd.PermitGranted.v1");
            assertThat(header(record, "ce_source")).isEqualTo("urn:sd:permit-service");
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            assertThat(header(record, "ce_id")).isNotBlank();
            assertThat(header(record, "ce_time")).isNotBlank();
            assertThat(header(record, "ce_requestid")).isEqualTo("req-grant-1");
            JsonNode payload = EventJson.mapper().readTree(record.value());
            assertThat(EventSchemas.violations(EventType.PERMIT_GRANTED, payload)).isEmpty();
            assertThat(payload.at("/permit/journalNumber").asText()).isEqualTo(body.get("journalNumber"));
            assertThat(payload.at("/actor").asText()).isEqualTo("findata.officer");
        }

        given().header("Authorization", TestTokens.user("mikko.korhonen", "researcher").bearer())
                .when().get("/api/v1/permits/" + id)
                .then().statusCode(200).body("journalNumber", equalTo(body.get("journalNumber")));
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
            given().header("Authorization", token).contentType(ContentType.JSON).body(PermitFixtures.findataPermit())
                    .when().post("/api/v1/permits")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aResearcherCannotRecordAPermit() {
        given().header("Authorization", TestTokens.user("aino.virtanen", "researcher").bearer())
                .contentType(ContentType.JSON).body(PermitFixtures.findataPermit())
                .when().post("/api/v1/permits")
                .then().statusCode(403).contentType("application/problem+json").body("type", containsString("forbidden"));
    }

    @Test
    void aControllerRecordsOnlyPermitsForItsOwnDatasets() {
        given().header("Authorization", TestTokens.user("thl.controller", "data-controller").org("THL").bearer())
                .contentType(ContentType.JSON).body(PermitFixtures.registerPermit("Kela"))
                .when().post("/api/v1/permits")
                .then().statusCode(403);

        given().header("Authorization", TestTokens.user("thl.controller", "data-controller").org("THL").bearer())
                .contentType(ContentType.JSON).body(PermitFixtures.registerPermit("THL"))
                .when().post("/api/v1/permits")
                .then().statusCode(201).body("issuer", equalTo("THL"));
    }

    @Test
    void invalidFieldsAre400WithFieldErrors() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        body.put("journalNumber", " ");
        body.put("persons", List.of(Map.of("userId", "x", "name", "X", "email", "not-an-email")));
        body.remove("validUntil");

        given().header("Authorization", FINDATA).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/permits")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("journalNumber"))
                .body("errors.field", hasItem("persons[0].email"))
                .body("errors.field", hasItem("validUntil"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        given().header("Authorization", FINDATA).contentType(ContentType.JSON).body("{\"journalNumber\": ")
                .when().post("/api/v1/permits")
                .then().statusCode(400).contentType("application/problem+json");

        Map<String, Object> body = PermitFixtures.findataPermit();
        body.put("route", "SOMETHING");
        given().header("Authorization", FINDATA).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/permits")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("route"));
    }

    @Test
    void aJournalNumberIsRecordedOnce() {
        Map<String, Object> body = PermitFixtures.findataPermit();
        given().header("Authorization", FINDATA).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/permits").then().statusCode(201);

        given().header("Authorization", FINDATA).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/permits")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aPermitIsInvisibleToThoseItDoesNotConcern() {
        String id = given().header("Authorization", FINDATA).contentType(ContentType.JSON).body(PermitFixtures.findataPermit())
                .when().post("/api/v1/permits").then().statusCode(201).extract().path("id");

        given().header("Authorization", TestTokens.user("someone.else", "researcher").bearer())
                .when().get("/api/v1/permits/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.user("auditor.anna", "auditor").bearer())
                .when().get("/api/v1/permits/" + id)
                .then().statusCode(200);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventCodec.get(record.headers(), name);
    }
}
