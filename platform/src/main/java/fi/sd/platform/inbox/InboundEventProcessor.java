package fi.sd.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import fi.sd.events.EventJson;
import fi.sd.events.EventPayload;
import fi.sd.events.EventType;
import fi.sd.events.MalformedEventException;
import fi.sd.platform.messaging.Backoff;
import fi.sd.platform.messaging.CloudEvent;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.platform.messaging.EventTracing;
import fi.sd.platform.messaging.MessagingConfig;
import fi.sd.platform.messaging.MessagingMetrics;
import fi.sd.platform.messaging.MessagingMetrics.Outcome;
import fi.sd.platform.rest.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.ClientProxy;

/**
 * Processes one consumed record: decode the CloudEvent, find the handler, apply it once through
 * the inbox. A failing handler is retried with backoff; after the last attempt, or at once when
 * the record can never be processed (not a CloudEvent, unreadable payload), the record goes to
 * the dead-letter topic. An unreachable database is nobody's fault: it is thrown to the consumer
 * loop, which waits and tries the same record again.
 */
@ApplicationScoped
public class InboundEventProcessor {

    private static final Logger LOG = Logger.getLogger(InboundEventProcessor.class);

    private final EventHandlers handlers;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final MessagingMetrics metrics;
    private final EventTracing tracing;
    private final MessagingConfig.Inbox config;
    private final CountDownLatch stopping = new CountDownLatch(1);

    @Inject
    public InboundEventProcessor(EventHandlers handlers, Inbox inbox, DeadLetters deadLetters, MessagingMetrics metrics,
            EventTracing tracing, MessagingConfig config) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.tracing = tracing;
        this.config = config.inbox();
    }

    public Outcome process(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = CloudEventCodec.fromRecord(record);
        } catch (MalformedEventException e) {
            return deadLetter(record, "unknown", e, 1);
        }
        Optional<EventType> type = EventType.fromCeType(event.type());
        Optional<EventHandler<EventPayload>> handler = type.flatMap(handlers::forType);
        if (handler.isEmpty()) {
            metrics.consumed(event.type(), Outcome.SKIPPED);
            return Outcome.SKIPPED;
        }
        EventPayload payload;
        try {
            payload = EventJson.read(event.data(), type.get().payloadType());
        } catch (MalformedEventException e) {
            return deadLetter(record, event.type(), e, 1);
        }
        EventContext context = new EventContext(event.id(), event.type(), event.source(), event.subject(), event.time(),
                event.requestId(), record.topic(), record.partition(), record.offset());
        // The handler runs in a span whose parent is the record's trace context: what it publishes continues that trace.
        Span span = tracing.startProcess(record.headers(), record.topic(), event.id(), event.type());
        span.setAttribute("sd.event.handler", ClientProxy.unwrap(handler.get()).getClass().getName());
        try (Scope current = span.makeCurrent();
                EventTracing.LogScope logged = EventTracing.logContext(span);
                RequestIds.Scope scope = RequestIds.open(event.requestId())) {
            Outcome outcome = apply(record, handler.get(), payload, context);
            span.setAttribute("sd.event.outcome", outcome.name().toLowerCase());
            if (outcome == Outcome.DEAD_LETTERED) {
                span.setStatus(StatusCode.ERROR, "dead-lettered");
            }
            return outcome;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /** Ends backoff waits early when the service stops. */
    public void stop() {
        stopping.countDown();
    }

    private Outcome apply(ConsumerRecord<String, String> record, EventHandler<EventPayload> handler, EventPayload payload,
            EventContext context) {
        Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), stopping);
        for (int attempt = 1;; attempt++) {
            try {
                boolean applied = inbox.applyOnce(context, () -> handler.handle(payload, context));
                Outcome outcome = applied ? Outcome.PROCESSED : Outcome.DUPLICATE;
                metrics.consumed(context.type(), outcome);
                return outcome;
            } catch (RuntimeException e) {
                if (isConnectionFailure(e)) {
                    throw new InfrastructureUnavailableException("Database unavailable while applying " + context.eventId(), e);
                }
                if (inbox.isProcessed(context.eventId())) {
                    // A concurrent delivery of the same event (another replica, during a rebalance) won.
                    metrics.consumed(context.type(), Outcome.DUPLICATE);
                    return Outcome.DUPLICATE;
                }
                if (e instanceof MalformedEventException || attempt >= config.maxAttempts()) {
                    return deadLetter(record, context.type(), e, attempt);
                }
                LOG.warnf("Event %s (%s) failed on attempt %d of %d, retrying in %s: %s", context.eventId(), context.type(), attempt,
                        config.maxAttempts(), backoff.delay(), e.toString());
                metrics.retried(context.type());
                if (backoff.waitOut()) {
                    throw new InfrastructureUnavailableException("Stopping while retrying " + context.eventId(), e);
                }
            }
        }
    }

    private Outcome deadLetter(ConsumerRecord<String, String> record, String type, RuntimeException error, int attempts) {
        deadLetters.send(record, error, attempts);
        metrics.deadLettered(type, error instanceof MalformedEventException ? "malformed" : "failed");
        metrics.consumed(type, Outcome.DEAD_LETTERED);
        return Outcome.DEAD_LETTERED;
    }

    static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
