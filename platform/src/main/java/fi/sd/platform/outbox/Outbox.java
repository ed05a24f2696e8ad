package fi.sd.platform.outbox;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.events.EventJson;
import fi.sd.events.EventPayload;
import fi.sd.events.EventSchemas;
import fi.sd.events.EventType;
import fi.sd.platform.messaging.EventTracing;
import fi.sd.platform.messaging.MessagingConfig;
import fi.sd.platform.rest.RequestIds;

/**
 * Records an event in the caller's transaction: it is published if and only if the change commits.
 * Every payload is checked against its JSON Schema first, so no service can publish a payload
 * that breaks the contract in {@code events}.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final Clock clock;
    private final Event<OutboxWritten> written;
    private final EventTracing tracing;
    private final String serviceName;

    @Inject
    public Outbox(EntityManager em, Clock clock, Event<OutboxWritten> written, EventTracing tracing, MessagingConfig config) {
        this.em = em;
        this.clock = clock;
        this.written = written;
        this.tracing = tracing;
        this.serviceName = config.serviceName();
    }

    /** Records an event whose subject is its permit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventPayload payload) {
        return publish(payload.permitId(), payload);
    }

    /** Records an event about {@code subject} (the aggregate it describes: a workspace, an application, ...). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String subject, EventPayload payload) {
        EventType type = EventType.of(payload);
        if (!type.topic().producer().equals(serviceName)) {
            throw new IllegalStateException(serviceName + " may not publish " + type.eventName() + ": it belongs to "
                    + type.topic().producer());
        }
        JsonNode json = EventJson.mapper().valueToTree(payload);
        EventSchemas.requireValid(type, json);

        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = type.topic().topicName();
        row.messageKey = payload.permitId();
        row.eventType = type.ceType();
        row.source = type.topic().ceSource();
        row.subject = subject;
        row.dataSchema = type.dataSchema();
        row.payload = json.toString();
        row.occurredAt = payload.occurredAt();
        row.requestId = RequestIds.current().orElse(null);
        Map<String, String> trace = tracing.current();
        row.traceparent = trace.get(EventTracing.TRACEPARENT);
        row.tracestate = trace.get(EventTracing.TRACESTATE);
        row.createdAt = clock.instant();
        em.persist(row);
        written.fire(OutboxWritten.INSTANCE);
        return row.eventId;
    }
}
