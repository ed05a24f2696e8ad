package fi.sd.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
 * Processes consumed records: decode each CloudEvent, find its handler, apply it once through the
 * inbox. Records are applied in batches, each in one transaction ({@link #processAll}); a batch
 * that fails is applied again one record at a time, so that one failing record neither blocks nor
 * takes the others with it. A failing handler is retried with backoff; after the last attempt, or
 * at once when the record can never be processed (not a CloudEvent, unreadable payload), the
 * record goes to the dead-letter topic. An unreachable database is nobody's fault: it is thrown to
 * the consumer loop, which waits and tries the same records again.
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

    /**
     * Applies the records, in their order, in transactions of up to {@code sd.messaging.inbox.batch-size}
     * events, and calls {@code done} for each record, in order, once it is settled: its effect committed
     * (or found applied before), skipped (no handler), or dead-lettered. A record that cannot be decoded
     * ends the batch before it, so that it is dead-lettered after the records before it are settled.
     *
     * @throws InfrastructureUnavailableException when the database or the broker is unreachable, or the
     *         service stops: the records not yet passed to {@code done} are to be consumed again
     */
    public void processAll(List<ConsumerRecord<String, String>> records, Consumer<ConsumerRecord<String, String>> done) {
        List<Inbound> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Inbound inbound = decode(record);
            if (inbound.error() != null) {
                applyBatch(batch, done);
                batch.clear();
                settleAlone(inbound);
                done.accept(record);
                continue;
            }
            batch.add(inbound);
            if (batch.size() >= config.batchSize()) {
                applyBatch(batch, done);
                batch.clear();
            }
        }
        applyBatch(batch, done);
    }

    /** Ends backoff waits early when the service stops. */
    public void stop() {
        stopping.countDown();
    }

    /** A consumed record, decoded: a handler and its payload, no handler (skipped), or the reason it cannot be read. */
    private record Inbound(ConsumerRecord<String, String> record, String type, EventHandler<EventPayload> handler, EventPayload payload,
            EventContext context, MalformedEventException error) {

        boolean applicable() {
            return handler != null;
        }
    }

    private Inbound decode(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = CloudEventCodec.fromRecord(record);
        } catch (MalformedEventException e) {
            return new Inbound(record, "unknown", null, null, null, e);
        }
        Optional<EventType> type = EventType.fromCeType(event.type());
        Optional<EventHandler<EventPayload>> handler = type.flatMap(handlers::forType);
        if (handler.isEmpty()) {
            return new Inbound(record, event.type(), null, null, null, null);
        }
        EventPayload payload;
        try {
            payload = EventJson.read(event.data(), type.get().payloadType());
        } catch (MalformedEventException e) {
            return new Inbound(record, event.type(), null, null, null, e);
        }
        EventContext context = new EventContext(event.id(), event.type(), event.source(), event.subject(), event.time(),
                event.requestId(), record.topic(), record.partition(), record.offset());
        return new Inbound(record, event.type(), handler.get(), payload, context, null);
    }

    /**
     * One transaction for the batch's events, each applied unless it was before (in an earlier batch or
     * earlier in this one). Should the transaction fail, each record is applied again on its own.
     */
    private void applyBatch(List<Inbound> batch, Consumer<ConsumerRecord<String, String>> done) {
        List<Inbound> applicable = batch.stream().filter(Inbound::applicable).toList();
        if (applicable.size() < 2) {
            settleEachAlone(batch, done);
            return;
        }
        List<Boolean> applied;
        try {
            applied = inbox.applyEachOnce(applicable, Inbound::context,
                    inbound -> inSpan(inbound, () -> {
                        inbound.handler().handle(inbound.payload(), inbound.context());
                        return Outcome.PROCESSED;
                    }));
        } catch (Exception e) {
            // Also what a failed commit throws: a checked exception the interceptor does not wrap.
            if (isConnectionFailure(e)) {
                throw new InfrastructureUnavailableException("Database unavailable while applying a batch of " + applicable.size()
                        + " events", e);
            }
            LOG.warnf("A batch of %d events was rolled back, applying them one at a time: %s", applicable.size(), e.toString());
            settleEachAlone(batch, done);
            return;
        }
        int next = 0;
        for (Inbound inbound : batch) {
            if (inbound.applicable()) {
                metrics.consumed(inbound.type(), applied.get(next++) ? Outcome.PROCESSED : Outcome.DUPLICATE);
            } else {
                metrics.consumed(inbound.type(), Outcome.SKIPPED);
            }
            done.accept(inbound.record());
        }
    }

    private void settleEachAlone(List<Inbound> batch, Consumer<ConsumerRecord<String, String>> done) {
        for (Inbound inbound : batch) {
            settleAlone(inbound);
            done.accept(inbound.record());
        }
    }

    private void settleAlone(Inbound inbound) {
        if (inbound.error() != null) {
            deadLetter(inbound.record(), inbound.type(), inbound.error(), 1);
        } else if (!inbound.applicable()) {
            metrics.consumed(inbound.type(), Outcome.SKIPPED);
        } else {
            inSpan(inbound, () -> apply(inbound));
        }
    }

    /** Runs the work in a span whose parent is the record's trace context: what the handler publishes continues that trace. */
    private Outcome inSpan(Inbound inbound, Supplier<Outcome> work) {
        EventContext context = inbound.context();
        Span span = tracing.startProcess(inbound.record().headers(), context.topic(), context.eventId(), context.type());
        span.setAttribute("sd.event.handler", ClientProxy.unwrap(inbound.handler()).getClass().getName());
        try (Scope current = span.makeCurrent();
                EventTracing.LogScope logged = EventTracing.logContext(span);
                RequestIds.Scope scope = RequestIds.open(context.requestId())) {
            Outcome outcome = work.get();
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

    private Outcome apply(Inbound inbound) {
        EventContext context = inbound.context();
        Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff(), stopping);
        for (int attempt = 1;; attempt++) {
            try {
                boolean applied = inbox.applyOnce(context, () -> inbound.handler().handle(inbound.payload(), context));
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
                    return deadLetter(inbound.record(), context.type(), e, attempt);
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
