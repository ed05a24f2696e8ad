package fi.sd.desktop.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.Topic;
import fi.sd.events.permit.PermitGranted;
import fi.sd.platform.messaging.CloudEvent;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TestTokens;
import fi.sd.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class PermitGrantedConsumerTest {

    private static final String DLQ = Topic.PERMIT.topicName() + ".dlq.desktop-service";
    private static final String AUDITOR = TestTokens.user("auditor.anna", "auditor").bearer();

    /** Prometheus metrics, on the management port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void aGrantedPermitOpensOneWorkspaceForItsPersons() {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());

        TestEvents.publish(granted);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", TestTokens.user("mikko.korhonen", "researcher").bearer())
                        .when().get("/api/v1/workspaces")
                        .then().statusCode(200)
                        .body("findAll { it.permitId == '" + granted.permitId() + "' }.size()", org.hamcrest.Matchers.is(1)));
        given().header("Authorization", TestTokens.user("stranger", "researcher").bearer())
                .when().get("/api/v1/workspaces")
                .then().statusCode(200).body("permitId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(granted.permitId())));
    }

    @Test
    void aRedeliveredEventCreatesNoSecondWorkspace() {
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        CloudEvent event = TestEvents.publish(granted);
        await().atMost(Duration.ofSeconds(20)).until(() -> workspacesOf(granted.permitId()) == 1);

        TestEvents.send(Topic.PERMIT.topicName(), granted.permitId(), event);
        TestEvents.send(Topic.PERMIT.topicName(), granted.permitId(), event);
        PermitGranted marker = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        TestEvents.publish(marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> workspacesOf(marker.permitId()) == 1);

        assertThat(workspacesOf(granted.permitId())).isEqualTo(1);
        assertThat(metric("sd_events_consumed_total{outcome=\"duplicate\",type=\"fi.sd.PermitGranted.v1\"")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheNextOnesFlow() {
        String key = UUID.randomUUID().toString();
        ProducerRecord<String, String> garbage = new ProducerRecord<>(Topic.PERMIT.topicName(), key, "{not json");
        garbage.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_type", "fi.sd.PermitGranted.v1".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_source", "urn:sd:permit-service".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        TestEvents.send(garbage);
        PermitGranted next = WorkspaceApi.granted(key, "proj-" + UUID.randomUUID());
        TestEvents.publish(next);

        await().atMost(Duration.ofSeconds(20)).until(() -> workspacesOf(next.permitId()) == 1);
        try (TopicReader reader = TopicReader.fromBeginning(DLQ)) {
            ConsumerRecord<String, String> letter = reader.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            assertThat(letter.value()).isEqualTo("{not json");
            assertThat(CloudEventCodec.get(letter.headers(), "sd_error_class")).isEqualTo("fi.sd.events.MalformedEventException");
            assertThat(CloudEventCodec.get(letter.headers(), "sd_error_attempts")).isEqualTo("1");
            assertThat(CloudEventCodec.get(letter.headers(), "sd_original_topic")).isEqualTo(Topic.PERMIT.topicName());
            assertThat(CloudEventCodec.get(letter.headers(), "ce_type")).isEqualTo("fi.sd.PermitGranted.v1");
        }
    }

    @Test
    void anEventThatKeepsFailingIsRetriedThenDeadLettered() {
        // A project id longer than the column: readable, but every attempt to apply it fails.
        PermitGranted poison = WorkspaceApi.granted(UUID.randomUUID().toString(), "p".repeat(150));
        TestEvents.publish(poison);
        PermitGranted next = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        TestEvents.publish(next);

        try (TopicReader reader = TopicReader.fromBeginning(DLQ)) {
            ConsumerRecord<String, String> letter = reader.await(r -> poison.permitId().equals(r.key()), 1, Duration.ofSeconds(30)).get(0);
            assertThat(CloudEventCodec.get(letter.headers(), "sd_error_attempts")).isEqualTo("3");
            assertThat(CloudEventCodec.get(letter.headers(), "sd_consumer")).isEqualTo("desktop-service");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> workspacesOf(next.permitId()) == 1);
        assertThat(workspacesOf(poison.permitId())).isZero();
        assertThat(metric("sd_events_retried_total{type=\"fi.sd.PermitGranted.v1\"")).isGreaterThanOrEqualTo(2);
        assertThat(metric("sd_events_dead_lettered_total{reason=\"failed\",type=\"fi.sd.PermitGranted.v1\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void metricsExposeTheOutboxBacklogAndEventCounters() {
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("sd_outbox_backlog"))
                .body(containsString("sd_events_consumed_total"));
    }

    private static int workspacesOf(String permitId) {
        Response response = given().header("Authorization", AUDITOR).when().get("/api/v1/workspaces");
        List<String> permits = response.jsonPath().getList("permitId", String.class);
        return (int) permits.stream().filter(permitId::equals).count();
    }

    private double metric(String prefix) {
        String body = given().when().get(metrics).then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
