package fi.sd.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.producer.Producer;
import org.hibernate.jpa.HibernateHints;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import fi.sd.platform.messaging.CloudEvent;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.platform.messaging.EventTracing;
import fi.sd.platform.messaging.KafkaClients;
import fi.sd.platform.messaging.MessagingConfig;
import fi.sd.platform.messaging.MessagingMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/**
 * One relay pass: under the relay lease, send the oldest unpublished rows in order and mark the
 * ones Kafka acknowledged. A crash between the acknowledgement and the commit re-sends those rows
 * (at least once); consumers drop the duplicates by {@code ce_id}.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final EntityManager em;
    private final KafkaClients kafka;
    private final MessagingMetrics metrics;
    private final EventTracing tracing;
    private final Clock clock;
    private final int batchSize;

    @Inject
    public OutboxPublisher(EntityManager em, KafkaClients kafka, MessagingMetrics metrics, EventTracing tracing, Clock clock,
            MessagingConfig config) {
        this.em = em;
        this.kafka = kafka;
        this.metrics = metrics;
        this.tracing = tracing;
        this.clock = clock;
        this.batchSize = config.outbox().batchSize();
    }

    /** Publishes up to one batch; returns how many rows were published (0 when another replica holds the lease). */
    @Transactional
    public int publishBatch() throws InterruptedException {
        if (!acquireLease()) {
            return 0;
        }
        List<OutboxEvent> rows = em.createQuery("from OutboxEvent where publishedAt is null order by seq", OutboxEvent.class)
                .setMaxResults(batchSize)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        Producer<String, String> producer = kafka.producer();
        List<Span> spans = new ArrayList<>(rows.size());
        List<ProducerRecord<String, String>> records = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            Span span = tracing.startPublish(row.topic, row.eventId.toString(), row.eventType, row.traceparent, row.tracestate);
            ProducerRecord<String, String> record = CloudEventCodec.toRecord(row.topic, row.messageKey, toCloudEvent(row));
            tracing.inject(span, record.headers());
            spans.add(span);
            records.add(record);
        }
        List<Future<RecordMetadata>> sent = sendInOrder(producer, records);
        producer.flush();
        // Rows after a refused one were not sent now; the next pass sends them in spans of their own.
        spans.subList(sent.size(), spans.size()).forEach(span -> span.setStatus(StatusCode.ERROR, "not sent").end());
        List<UUID> acknowledged = new ArrayList<>(sent.size());
        int failed = 0;
        for (int i = 0; i < sent.size(); i++) {
            OutboxEvent row = rows.get(i);
            Span span = spans.get(i);
            try {
                sent.get(i).get();
                span.end();
            } catch (ExecutionException e) {
                span.recordException(e.getCause());
                span.setStatus(StatusCode.ERROR, "not acknowledged");
                span.end();
                // Sent again on the next pass. Every acknowledged row is marked, whatever failed before it:
                // rows of other keys are on other partitions, and should a later row of the same key have
                // been acknowledged, sending it again would only add a duplicate, not restore the order.
                if (failed++ == 0) {
                    LOG.warnf("Outbox event %s (%s) not published: %s", row.eventId, row.eventType, e.getCause().toString());
                }
                continue;
            }
            acknowledged.add(row.eventId);
            metrics.published(row.eventType);
        }
        if (failed > 1) {
            LOG.warnf("%d outbox events of this pass not published, retried on the next", failed);
        }
        markPublished(acknowledged);
        return acknowledged.size();
    }

    /**
     * Sends the records in order, up to the first one the producer refuses before it leaves (no
     * metadata while the broker is away): nothing after it may go out now, or a later event of the
     * same key would overtake it once the broker is back.
     */
    static List<Future<RecordMetadata>> sendInOrder(Producer<String, String> producer, List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> record : records) {
            Future<RecordMetadata> send = producer.send(record);
            sent.add(send);
            if (refused(send)) {
                break;
            }
        }
        return sent;
    }

    private static boolean refused(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** One statement for the pass's acknowledged rows, not one per row. */
    private void markPublished(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        em.createQuery("update OutboxEvent set publishedAt = :now where eventId in :ids")
                .setParameter("now", clock.instant())
                .setParameter("ids", eventIds)
                .executeUpdate();
    }

    @Transactional
    public int deletePublishedBefore(Instant cutoff) {
        return em.createQuery("delete from OutboxEvent where publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** Unpublished rows, for the backlog gauge. */
    @Transactional
    public long backlog() {
        return em.createQuery("select count(e) from OutboxEvent e where e.publishedAt is null", Long.class).getSingleResult();
    }

    private boolean acquireLease() {
        return !em.createNativeQuery("SELECT name FROM outbox_relay_lease WHERE name = 'outbox-relay' FOR UPDATE SKIP LOCKED")
                .getResultList()
                .isEmpty();
    }

    private static CloudEvent toCloudEvent(OutboxEvent row) {
        return new CloudEvent(row.eventId.toString(), row.eventType, row.source, row.subject, row.occurredAt, row.dataSchema,
                row.requestId, row.payload);
    }
}
