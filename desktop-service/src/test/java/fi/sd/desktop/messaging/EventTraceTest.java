package fi.sd.desktop.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import fi.sd.desktop.WorkspaceApi;
import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.events.permit.PermitGranted;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.platform.messaging.EventTracing;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestEvents;
import fi.sd.testsupport.TopicReader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A PermitGranted that arrives in a trace is handled in a span of that trace, and the
 * WorkspaceProvisioned its handler publishes continues it: handler span, its statements, the
 * relay's producer span and the record's traceparent.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class EventTraceTest {

    @Inject
    RecentSpans spans;

    @Test
    void theHandlerRunsInAChildSpanOfTheRecordsContextAndWhatItPublishesCarriesTheHandlersContext() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpanId = "00f067aa0ba902b7";
        PermitGranted granted = WorkspaceApi.granted(UUID.randomUUID().toString(), "proj-" + UUID.randomUUID());
        ProducerRecord<String, String> record = CloudEventCodec.toRecord(Topic.PERMIT.topicName(), granted.permitId(),
                TestEvents.cloudEvent(granted));
        record.headers().add(EventTracing.TRACEPARENT, ("00-" + traceId + "-" + producerSpanId + "-01").getBytes(StandardCharsets.UTF_8));
        TestEvents.send(record);

        ConsumerRecord<String, String> provisioned;
        try (TopicReader reader = TopicReader.fromBeginning(Topic.DESKTOP.topicName())) {
            provisioned = reader.await(r -> granted.permitId().equals(r.key())
                    && EventType.WORKSPACE_PROVISIONED.ceType().equals(CloudEventCodec.get(r.headers(), CloudEventCodec.TYPE)),
                    1, Duration.ofSeconds(20)).get(0);
        }
        String traceparent = CloudEventCodec.get(provisioned.headers(), EventTracing.TRACEPARENT);
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");

        SpanData publish = await().atMost(Duration.ofSeconds(10)).until(
                () -> spanOf(traceId, traceparent.split("-")[2]), span -> span != null);
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getName()).isEqualTo("publish " + Topic.DESKTOP.topicName());
        SpanData handler = spanOf(traceId, publish.getParentSpanId());
        assertThat(handler).as("the publish span's parent, the handler's span").isNotNull();
        assertThat(handler.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(handler.getName()).isEqualTo("process " + Topic.PERMIT.topicName());
        assertThat(handler.getParentSpanId()).isEqualTo(producerSpanId);
        assertThat(handler.getAttributes().get(AttributeKey.stringKey("cloudevents.event_type"))).isEqualTo(EventType.PERMIT_GRANTED.ceType());
        assertThat(handler.getAttributes().get(AttributeKey.stringKey("sd.event.handler"))).isEqualTo(PermitGrantedHandler.class.getName());
        assertThat(handler.getAttributes().get(AttributeKey.stringKey("sd.event.outcome"))).isEqualTo("processed");
        List<SpanData> statements = spans.ofTrace(traceId).stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT && span.getParentSpanId().equals(handler.getSpanId())).toList();
        assertThat(statements).as("the handler's JDBC spans").isNotEmpty();
    }

    private SpanData spanOf(String traceId, String spanId) {
        return spans.ofTrace(traceId).stream().filter(span -> span.getSpanId().equals(spanId)).findFirst().orElse(null);
    }
}
