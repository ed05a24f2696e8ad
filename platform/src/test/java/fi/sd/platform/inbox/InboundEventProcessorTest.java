package fi.sd.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import fi.sd.events.EventJson;
import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.platform.messaging.CloudEvent;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.platform.messaging.EventTracing;
import fi.sd.platform.messaging.MessagingConfig;
import fi.sd.platform.messaging.MessagingMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * The inbox's batches: each in one transaction, every event applied once whether it comes twice in a
 * batch or again in a later one, a failing event retried alone and dead-lettered without the others,
 * and every record settled, in order, only once its batch committed. The database is an in-memory
 * stand-in here ({@link TransactionalInbox}); the services' consumer tests run the same code on
 * PostgreSQL and Kafka.
 */
class InboundEventProcessorTest {

    private static final String TOPIC = Topic.PERMIT.topicName();

    private final TransactionalInbox inbox = new TransactionalInbox();
    private final List<ConsumerRecord<String, String>> deadLettered = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InboundEventProcessor processor = new InboundEventProcessor(EventHandlers.of(new RevocationHandler(inbox)), inbox,
            new RecordedDeadLetters(deadLettered), new MessagingMetrics(registry), new EventTracing(OpenTelemetry.noop()),
            new Config(3));
    private final List<ConsumerRecord<String, String>> settled = new ArrayList<>();
    private long nextOffset;

    @Test
    void aBatchIsAppliedInOneTransactionAndEveryRecordIsSettledInOrderAfterItsCommit() {
        List<ConsumerRecord<String, String>> records = List.of(record(revoked("p1", "a")), record(revoked("p2", "b")),
                record(revoked("p1", "c")));

        processor.processAll(records, settled::add);

        assertThat(inbox.commits).isEqualTo(1);
        assertThat(inbox.applied).containsExactly("p1:a", "p2:b", "p1:c");
        assertThat(settled).containsExactlyElementsOf(records);
        assertThat(consumed("processed")).isEqualTo(3);
    }

    @Test
    void anEventTwiceInOneBatchIsAppliedOnce() {
        CloudEvent event = revoked("p1", "a");

        processor.processAll(List.of(record(event), record(revoked("p2", "b")), record(event)), settled::add);

        assertThat(inbox.applied).containsExactly("p1:a", "p2:b");
        assertThat(settled).hasSize(3);
        assertThat(consumed("duplicate")).isEqualTo(1);
    }

    @Test
    void anEventAgainInALaterBatchHasNoEffect() {
        CloudEvent event = revoked("p1", "a");
        processor.processAll(List.of(record(event), record(revoked("p2", "b"))), settled::add);

        processor.processAll(List.of(record(revoked("p3", "c")), record(event)), settled::add);

        assertThat(inbox.applied).containsExactly("p1:a", "p2:b", "p3:c");
        assertThat(settled).hasSize(4);
        assertThat(consumed("duplicate")).isEqualTo(1);
    }

    @Test
    void aFailingEventIsDeadLetteredAloneAndTheOthersAreAppliedOnceInTheirOrder() {
        ConsumerRecord<String, String> poison = record(revoked("p2", RevocationHandler.POISON));
        List<ConsumerRecord<String, String>> records = List.of(record(revoked("p1", "a")), poison, record(revoked("p3", "c")));

        processor.processAll(records, settled::add);

        assertThat(inbox.applied).containsExactly("p1:a", "p3:c");
        assertThat(deadLettered).containsExactly(poison);
        assertThat(inbox.rollbacks).as("the batch, then each of the poison's 3 attempts").isEqualTo(4);
        assertThat(settled).containsExactlyElementsOf(records);
        assertThat(consumed("processed")).isEqualTo(2);
        assertThat(consumed("dead_lettered")).isEqualTo(1);
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAfterTheRecordsBeforeItAreSettled() {
        ConsumerRecord<String, String> garbage = new ConsumerRecord<>(TOPIC, 0, nextOffset++, "p9", "{not a cloud event");
        List<ConsumerRecord<String, String>> records = List.of(record(revoked("p1", "a")), record(revoked("p2", "b")), garbage,
                record(revoked("p3", "c")), record(revoked("p4", "d")));
        List<String> order = new ArrayList<>();

        processor.processAll(records, record -> order.add(record == garbage ? "garbage settled"
                : deadLettered.isEmpty() ? "settled before" : "settled after"));

        assertThat(deadLettered).containsExactly(garbage);
        assertThat(order).containsExactly("settled before", "settled before", "garbage settled", "settled after", "settled after");
        assertThat(inbox.commits).isEqualTo(2);
        assertThat(inbox.applied).containsExactly("p1:a", "p2:b", "p3:c", "p4:d");
    }

    @Test
    void aPollLargerThanTheBatchSizeIsAppliedInSeveralTransactions() {
        InboundEventProcessor small = new InboundEventProcessor(EventHandlers.of(new RevocationHandler(inbox)), inbox,
                new RecordedDeadLetters(deadLettered), new MessagingMetrics(registry), new EventTracing(OpenTelemetry.noop()),
                new Config(2));
        List<ConsumerRecord<String, String>> records = List.of(record(revoked("p1", "a")), record(revoked("p2", "b")),
                record(revoked("p3", "c")), record(revoked("p4", "d")), record(revoked("p5", "e")));

        small.processAll(records, settled::add);

        // Two batches of two; the fifth, alone, in a transaction of its own.
        assertThat(inbox.commits).isEqualTo(3);
        assertThat(inbox.applied).containsExactly("p1:a", "p2:b", "p3:c", "p4:d", "p5:e");
        assertThat(settled).containsExactlyElementsOf(records);
    }

    @Test
    void anUnreachableDatabaseSettlesNothingOfTheBatchAndIsLeftToTheLoop() {
        List<ConsumerRecord<String, String>> records = List.of(record(revoked("p1", "a")), record(revoked("p2", "b")));
        inbox.unreachable = true;

        assertThatThrownBy(() -> processor.processAll(records, settled::add)).isInstanceOf(InfrastructureUnavailableException.class);

        assertThat(settled).isEmpty();
        assertThat(inbox.applied).isEmpty();
        assertThat(deadLettered).isEmpty();
        inbox.unreachable = false;
        processor.processAll(records, settled::add);
        assertThat(inbox.applied).containsExactly("p1:a", "p2:b");
        assertThat(settled).containsExactlyElementsOf(records);
    }

    @Test
    void eventsWithoutAHandlerAreSkippedInsideTheBatch() {
        PermitRevoked revoked = new PermitRevoked("p1", 1, "proj", "a", "officer", Instant.now());
        ConsumerRecord<String, String> other = record(new CloudEvent(UUID.randomUUID().toString(), "fi.sd.SomethingElse.v1",
                "urn:sd:permit-service", "p1", Instant.now(), null, null, "{}"));
        List<ConsumerRecord<String, String>> records = List.of(record(cloudEvent(revoked)), other, record(revoked("p2", "b")));

        processor.processAll(records, settled::add);

        assertThat(inbox.commits).isEqualTo(1);
        assertThat(settled).containsExactlyElementsOf(records);
        assertThat(consumed("skipped")).isEqualTo(1);
    }

    private double consumed(String outcome) {
        return registry.find("sd.events.consumed").tag("outcome", outcome).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static CloudEvent revoked(String permitId, String reason) {
        return cloudEvent(new PermitRevoked(permitId, 1, "proj", reason, "officer", Instant.now()));
    }

    private static CloudEvent cloudEvent(PermitRevoked payload) {
        EventType type = EventType.of(payload);
        return new CloudEvent(UUID.randomUUID().toString(), type.ceType(), type.topic().ceSource(), payload.permitId(),
                payload.occurredAt(), type.dataSchema(), null, EventJson.write(payload));
    }

    private ConsumerRecord<String, String> record(CloudEvent event) {
        ProducerRecord<String, String> sent = CloudEventCodec.toRecord(TOPIC, event.subject(), event);
        return new ConsumerRecord<>(TOPIC, 0, nextOffset++, 0L, TimestampType.CREATE_TIME, -1, -1, sent.key(), sent.value(),
                sent.headers(), Optional.empty());
    }

    /** Writes "permit:reason" in the current transaction; a reason of "poison" always fails. */
    private static final class RevocationHandler implements EventHandler<PermitRevoked> {

        static final String POISON = "poison";
        private final TransactionalInbox inbox;

        RevocationHandler(TransactionalInbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public Class<PermitRevoked> payloadType() {
            return PermitRevoked.class;
        }

        @Override
        public void handle(PermitRevoked payload, EventContext context) {
            if (payload.reason().equals(POISON)) {
                throw new IllegalStateException("cannot apply " + context.eventId());
            }
            inbox.staged.add(payload.permitId() + ":" + payload.reason());
        }
    }

    /** The inbox over an in-memory table: what a transaction stages is applied at its commit, dropped at its rollback. */
    private static final class TransactionalInbox extends Inbox {

        final Set<String> processed = new HashSet<>();
        final List<String> applied = new ArrayList<>();
        final List<String> staged = new ArrayList<>();
        int commits;
        int rollbacks;
        boolean unreachable;

        TransactionalInbox() {
            super(null, null);
        }

        @Override
        public boolean applyOnce(EventContext context, Runnable effect) {
            return applyEachOnce(List.of(context), Function.identity(), e -> effect.run()).get(0);
        }

        @Override
        public <T> List<Boolean> applyEachOnce(List<T> events, Function<T, EventContext> contextOf, Consumer<T> effect) {
            if (unreachable) {
                throw new IllegalStateException("no connection", new SQLTransientConnectionException("refused", "08001"));
            }
            Set<String> seen = new HashSet<>(processed);
            List<Boolean> ran = new ArrayList<>();
            try {
                for (T event : events) {
                    boolean first = seen.add(contextOf.apply(event).eventId());
                    if (first) {
                        effect.accept(event);
                    }
                    ran.add(first);
                }
            } catch (RuntimeException e) {
                staged.clear();
                rollbacks++;
                throw e;
            }
            processed.addAll(seen);
            applied.addAll(staged);
            staged.clear();
            commits++;
            return ran;
        }

        @Override
        public boolean isProcessed(String eventId) {
            return processed.contains(eventId);
        }
    }

    private static final class RecordedDeadLetters extends DeadLetters {

        private final List<ConsumerRecord<String, String>> letters;

        RecordedDeadLetters(List<ConsumerRecord<String, String>> letters) {
            super(null, new Config(3));
            this.letters = letters;
        }

        @Override
        public void send(ConsumerRecord<String, String> record, Throwable error, int attempts) {
            letters.add(record);
        }
    }

    /** Three attempts a millisecond apart; the batch size given. */
    private record Config(int batchSize) implements MessagingConfig, MessagingConfig.Inbox {

        @Override
        public String serviceName() {
            return "test-service";
        }

        @Override
        public Topics topics() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Outbox outbox() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Inbox inbox() {
            return this;
        }

        @Override
        public boolean consumerEnabled() {
            return true;
        }

        @Override
        public int maxAttempts() {
            return 3;
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public int maxPollRecords() {
            return 500;
        }
    }
}
