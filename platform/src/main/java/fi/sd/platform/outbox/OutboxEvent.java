package fi.sd.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event waiting to be published, written in the same transaction as the change it describes.
 * {@code eventId} is the CloudEvents id and the entity's key: assigned here, so that a transaction's rows
 * are inserted in JDBC batches. {@code seq} orders the rows as they were written: the database numbers
 * each row as it is inserted (an identity column Hibernate neither writes nor reads back), so the order
 * holds across replicas, which a sequence handing out blocks of numbers per process would not keep.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String source;

    public String subject;

    @Column(name = "data_schema")
    public String dataSchema;

    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "request_id")
    public String requestId;

    /** The W3C trace context of the transaction that wrote the row, if it ran in a trace. */
    public String traceparent;

    public String tracestate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
