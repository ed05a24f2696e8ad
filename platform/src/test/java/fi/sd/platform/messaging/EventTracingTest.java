package fi.sd.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/** The trace context from a business transaction, through its outbox row and the Kafka record, to the consumer's span. */
class EventTracingTest {

    private static final OpenTelemetry OTEL = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private static final String TOPIC = "sd.permit.events";

    private final EventTracing tracing = new EventTracing(OTEL);

    @Test
    void theOutboxKeepsTheContextOfTheTransactionAndTheRecordCarriesTheProducerSpanToTheConsumer() {
        Span request = OTEL.getTracer("test").spanBuilder("POST /api/v1/permits").setSpanKind(SpanKind.SERVER).startSpan();
        Map<String, String> kept;
        try (Scope scope = request.makeCurrent()) {
            kept = tracing.current();
        }
        assertThat(kept.get(EventTracing.TRACEPARENT))
                .isEqualTo("00-" + request.getSpanContext().getTraceId() + "-" + request.getSpanContext().getSpanId() + "-01");

        Span publish = tracing.startPublish(TOPIC, "e-1", "fi.sd.PermitGranted.v1", kept.get(EventTracing.TRACEPARENT),
                kept.get(EventTracing.TRACESTATE));
        ProducerRecord<String, String> record = CloudEventCodec.toRecord(TOPIC, "p-1", event());
        tracing.inject(publish, record.headers());
        publish.end();
        assertThat(((ReadableSpan) publish).getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(((ReadableSpan) publish).getParentSpanContext().getSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(publish.getSpanContext().getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(CloudEventCodec.get(record.headers(), EventTracing.TRACEPARENT))
                .isEqualTo("00-" + request.getSpanContext().getTraceId() + "-" + publish.getSpanContext().getSpanId() + "-01");

        Span process = tracing.startProcess(record.headers(), TOPIC, "e-1", "fi.sd.PermitGranted.v1");
        assertThat(((ReadableSpan) process).getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(((ReadableSpan) process).getParentSpanContext().getSpanId()).isEqualTo(publish.getSpanContext().getSpanId());
        assertThat(process.getSpanContext().getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        try (Scope scope = process.makeCurrent()) {
            assertThat(tracing.current().get(EventTracing.TRACEPARENT)).contains(process.getSpanContext().getSpanId());
        }
    }

    @Test
    void theVendorStateTravelsWithTheContext() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Span publish = tracing.startPublish(TOPIC, "e-2", "fi.sd.PermitGranted.v1", traceparent, "vendor=opaque");
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventTracing.TRACEPARENT, "00-00000000000000000000000000000001-0000000000000001-01".getBytes());
        tracing.inject(publish, headers);
        assertThat(headers.headers(EventTracing.TRACEPARENT)).as("one traceparent, the producer span's").hasSize(1);
        assertThat(CloudEventCodec.get(headers, EventTracing.TRACEPARENT)).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(CloudEventCodec.get(headers, EventTracing.TRACESTATE)).isEqualTo("vendor=opaque");
    }

    @Test
    void anEventWrittenOutsideATraceStartsOneWhenPublishedAndAMalformedHeaderStartsOneWhenConsumed() {
        assertThat(tracing.current()).isEmpty();
        Span publish = tracing.startPublish(TOPIC, "e-3", "fi.sd.PermitExpired.v1", null, null);
        assertThat(((ReadableSpan) publish).getParentSpanContext().isValid()).isFalse();
        assertThat(publish.getSpanContext().isValid()).isTrue();

        RecordHeaders headers = new RecordHeaders();
        headers.add(EventTracing.TRACEPARENT, "not a traceparent".getBytes());
        Span process = tracing.startProcess(headers, TOPIC, "e-3", "fi.sd.PermitExpired.v1");
        assertThat(((ReadableSpan) process).getParentSpanContext().isValid()).isFalse();
        assertThat(process.getSpanContext().isValid()).isTrue();
    }

    @Test
    void withTheSdkOffNothingIsRecordedAndNoHeaderWritten() {
        EventTracing off = new EventTracing(OpenTelemetry.noop());
        assertThat(off.current()).isEmpty();
        Span publish = off.startPublish(TOPIC, "e-4", "fi.sd.PermitGranted.v1", null, null);
        RecordHeaders headers = new RecordHeaders();
        off.inject(publish, headers);
        assertThat(headers.toArray()).isEmpty();
    }

    private static CloudEvent event() {
        return new CloudEvent("e-1", "fi.sd.PermitGranted.v1", "urn:sd:permit-service", "p-1", Instant.parse("2026-12-01T10:00:00Z"),
                null, "req-1", "{}");
    }
}
