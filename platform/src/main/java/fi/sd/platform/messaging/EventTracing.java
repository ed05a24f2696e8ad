package fi.sd.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * One trace from an API request to the events it causes and what their consumers do in turn. The
 * W3C trace context of the business transaction is kept in its outbox row; the relay publishes
 * each row in a producer span, child of that context, and writes the span's context on the record
 * as {@code traceparent} and {@code tracestate} headers (the CloudEvents distributed-tracing
 * extension); a consumer applies the event in a consumer span, child of those headers, so that
 * the events its handler publishes carry the handler's context. With the SDK off (no OTLP
 * endpoint) nothing is recorded and no header written.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final String INSTRUMENTATION = "fi.sd.platform.messaging";

    private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static final TextMapSetter<Headers> HEADER_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };
    private static final TextMapGetter<Headers> HEADER_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            return headers == null ? null : CloudEventCodec.get(headers, key);
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    @Inject
    public EventTracing(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
    }

    /** The current trace context as W3C fields ({@code traceparent}, {@code tracestate}); empty outside a trace. */
    public Map<String, String> current() {
        Map<String, String> fields = new HashMap<>();
        propagator.inject(Context.current(), fields, MAP_SETTER);
        return fields;
    }

    /**
     * A producer span for sending an event, child of the context its outbox row kept (a root when
     * it kept none). The caller ends it when the broker has answered.
     */
    public Span startPublish(String topic, String eventId, String eventType, String traceparent, String tracestate) {
        Map<String, String> kept = new HashMap<>();
        if (traceparent != null) {
            kept.put(TRACEPARENT, traceparent);
        }
        if (tracestate != null) {
            kept.put(TRACESTATE, tracestate);
        }
        Context parent = propagator.extract(Context.root(), kept, MAP_GETTER);
        return messagingSpan("publish " + topic, SpanKind.PRODUCER, parent, topic, eventId, eventType);
    }

    /** Writes the span's context on a record's headers, replacing any there. */
    public void inject(Span span, Headers headers) {
        propagator.inject(Context.root().with(span), headers, HEADER_SETTER);
    }

    /** A consumer span for applying an event, child of the context on its record (a root when it has none). */
    public Span startProcess(Headers headers, String topic, String eventId, String eventType) {
        Context parent = propagator.extract(Context.root(), headers, HEADER_GETTER);
        return messagingSpan("process " + topic, SpanKind.CONSUMER, parent, topic, eventId, eventType);
    }

    /**
     * Puts the span's ids in the logging context until the scope closes, where Quarkus does not
     * (threads of the platform's own, such as the event consumer's).
     */
    public static LogScope logContext(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return () -> { };
        }
        List<String> keys = List.of("traceId", "spanId");
        List<Object> previous = keys.stream().map(MDC::get).toList();
        MDC.put("traceId", context.getTraceId());
        MDC.put("spanId", context.getSpanId());
        return () -> {
            for (int i = 0; i < keys.size(); i++) {
                if (previous.get(i) == null) {
                    MDC.remove(keys.get(i));
                } else {
                    MDC.put(keys.get(i), previous.get(i));
                }
            }
        };
    }

    private Span messagingSpan(String name, SpanKind kind, Context parent, String topic, String eventId, String eventType) {
        return tracer.spanBuilder(name)
                .setSpanKind(kind)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", kind == SpanKind.PRODUCER ? "send" : "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
    }

    /** Span ids in the logging context for a while. */
    public interface LogScope extends AutoCloseable {

        @Override
        void close();
    }
}
