package fi.sd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fi.sd.events.EventType;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.platform.messaging.EventTracing;
import fi.sd.testsupport.TopicReader;

/**
 * One trace across processes and Kafka: a client's POST /api/v1/permits through the gateway, the PermitGranted
 * that permit-service publishes, and the WorkspaceProvisioned that desktop-service publishes when it applies it,
 * all under the client's trace id on the broker; and the spans of that trace reach the OTLP endpoint from the
 * gateway, permit-service and desktop-service.
 */
class TracingIT extends SystemTest {

    private static final Duration ASYNC = Duration.ofSeconds(60);

    @Test
    void aPermitPostedThroughTheGatewayAndTheWorkspaceItProvisionsShareOneTrace() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String permitId = api.asFindata().header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                .body(Api.findataPermit("tracing-" + UUID.randomUUID(), system.today(), system.today().plusYears(1)))
                .post("/permits").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> granted = awaitEvent(EventType.PERMIT_GRANTED, permitId);
        ConsumerRecord<String, String> provisioned = awaitEvent(EventType.WORKSPACE_PROVISIONED, permitId);
        String grantedContext = CloudEventCodec.get(granted.headers(), EventTracing.TRACEPARENT);
        String provisionedContext = CloudEventCodec.get(provisioned.headers(), EventTracing.TRACEPARENT);
        assertThat(grantedContext).as("PermitGranted's traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(provisionedContext).as("WorkspaceProvisioned's traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .isNotEqualTo(grantedContext);

        OtlpReceiver receiver = system.traces();
        await().atMost(ASYNC).untilAsserted(() -> {
            assertThat(receiver.exportsOf(E2eSystem.GATEWAY, traceId)).as("the gateway's spans of the trace")
                    .anyMatch(body -> OtlpReceiver.contains(body, "POST /api/v1/permits"));
            assertThat(receiver.exportsOf(E2eSystem.PERMIT, traceId)).as("permit-service's spans of the trace")
                    .anyMatch(body -> OtlpReceiver.contains(body, "publish sd.permit.events"));
            assertThat(receiver.exportsOf(E2eSystem.DESKTOP, traceId)).as("desktop-service's spans of the trace")
                    .anyMatch(body -> OtlpReceiver.contains(body, "process sd.permit.events"))
                    .anyMatch(body -> OtlpReceiver.contains(body, "publish sd.desktop.events"));
        });
    }

    private static ConsumerRecord<String, String> awaitEvent(EventType type, String permitId) {
        try (TopicReader reader = TopicReader.fromBeginning(type.topic().topicName())) {
            return reader.await(r -> permitId.equals(r.key()) && type.ceType().equals(CloudEventCodec.get(r.headers(), CloudEventCodec.TYPE)),
                    1, ASYNC).get(0);
        }
    }
}
