package fi.sd.desktop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.events.EventJson;
import fi.sd.events.EventSchemas;
import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.events.permit.PermitGranted;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TestTokens;
import fi.sd.testsupport.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Desktops and sessions through the API, and the events desktop-service publishes about them. */
public final class DesktopApi {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private DesktopApi() {
    }

    /** A researcher signed in with a second factor. */
    public static String member(String userId) {
        return TestTokens.user(userId, "researcher").mfa().bearer();
    }

    /** A user id of its own for one test: a user has one open session at a time, across all tests. */
    public static String person(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Findata permit for {@code persons} (user ids), valid for a year. */
    public static PermitGranted grantedTo(List<String> persons) {
        return TestPermit.findata().persons(persons).granted();
    }

    /** Publishes the grant and waits for its workspace to be READY; returns the workspace id. */
    public static String readyWorkspace(PermitGranted granted) {
        TestEvents.publish(granted);
        return WorkspaceApi.awaitStatus(granted.permitId(), "READY");
    }

    public static ValidatableResponse create(String token, String workspaceId, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/workspaces/" + workspaceId + "/desktops").then();
    }

    public static Map<String, Object> desktop(String name) {
        return Map.of("name", name, "flavour", "small", "image", "ubuntu-22.04", "volumeGb", 50);
    }

    /** Asks for a small desktop and waits until it runs; returns its id. */
    public static String running(String token, String workspaceId, String name) {
        String id = create(token, workspaceId, desktop(name)).statusCode(202).body("status", is("CREATING")).extract().path("id");
        awaitStatus(id, "RUNNING");
        return id;
    }

    public static void awaitStatus(String desktopId, String status) {
        await().atMost(TIMEOUT).untilAsserted(() -> given().header("Authorization", WorkspaceApi.AUDITOR)
                .when().get("/api/v1/desktops/" + desktopId).then().statusCode(200).body("status", is(status)));
    }

    public static ValidatableResponse command(String token, String desktopId, String command) {
        return given().header("Authorization", token).when().post("/api/v1/desktops/" + desktopId + "/" + command).then();
    }

    public static ValidatableResponse openSession(String token, String desktopId) {
        return given().header("Authorization", token).when().post("/api/v1/desktops/" + desktopId + "/sessions").then();
    }

    public static ValidatableResponse session(String token, String sessionId) {
        return given().header("Authorization", token).when().get("/api/v1/sessions/" + sessionId).then();
    }

    /** The workspace's audit log, as an auditor reads it. */
    public static ValidatableResponse audit(String workspaceId) {
        return given().header("Authorization", WorkspaceApi.AUDITOR).queryParam("workspaceId", workspaceId).queryParam("size", 200)
                .when().get("/api/v1/audit").then().statusCode(200);
    }

    /** Waits until the workspace's audit log holds each of {@code actions}. */
    public static void awaitAudit(String workspaceId, String... actions) {
        await().atMost(TIMEOUT).untilAsserted(() -> audit(workspaceId).body("action", hasItems(actions)));
    }

    /** Records of {@code type} about {@code workspaceId} (their CloudEvent subject). */
    public static Predicate<ConsumerRecord<String, String>> of(EventType type, String workspaceId) {
        return r -> type.ceType().equals(CloudEventCodec.get(r.headers(), CloudEventCodec.TYPE))
                && workspaceId.equals(CloudEventCodec.get(r.headers(), CloudEventCodec.SUBJECT));
    }

    /** Waits for the workspace's events of {@code type} matching {@code filter}; each checked as the CloudEvent the contract promises. */
    public static List<JsonNode> awaitEvents(EventType type, String workspaceId, Predicate<JsonNode> filter, int count) {
        try (TopicReader reader = TopicReader.fromBeginning(Topic.DESKTOP.topicName())) {
            return reader.await(of(type, workspaceId).and(r -> filter.test(body(r))), count, TIMEOUT).stream()
                    .map(r -> assertCloudEvent(r, type, workspaceId)).toList();
        }
    }

    /** A binary-mode CloudEvent 1.0 from desktop-service about the workspace, whose body validates against its schema. */
    public static JsonNode assertCloudEvent(ConsumerRecord<String, String> record, EventType type, String workspaceId) {
        assertThat(CloudEventCodec.get(record.headers(), CloudEventCodec.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEventCodec.get(record.headers(), CloudEventCodec.SOURCE)).isEqualTo("urn:sd:desktop-service");
        assertThat(CloudEventCodec.get(record.headers(), CloudEventCodec.SUBJECT)).isEqualTo(workspaceId);
        assertThat(CloudEventCodec.get(record.headers(), CloudEventCodec.DATA_SCHEMA)).isEqualTo(type.dataSchema());
        JsonNode payload = body(record);
        assertThat(EventSchemas.violations(type, payload)).isEmpty();
        assertThat(record.key()).isEqualTo(payload.get("permitId").asText());
        return payload;
    }

    private static JsonNode body(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
