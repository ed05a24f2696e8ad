package fi.sd.platform.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import fi.sd.platform.messaging.KafkaClients;
import fi.sd.platform.messaging.MessagingConfig;
import fi.sd.platform.messaging.TopicProvisioner;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The service's Kafka consumer: one thread, one consumer in the group named after the service,
 * subscribed to the topics its handlers need. Each poll's records are processed in order per
 * partition, in transactions of a batch of events each ({@link InboundEventProcessor#processAll}),
 * and their offsets committed only after their effects committed, so a crash replays (and the inbox
 * drops) rather than loses. When the database or broker is unreachable it rewinds to the first
 * unprocessed record and waits.
 */
@ApplicationScoped
public class EventConsumerLoop {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(2);

    private final KafkaClients kafka;
    private final TopicProvisioner topics;
    private final EventHandlers handlers;
    private final InboundEventProcessor processor;
    private final MessagingConfig.Inbox config;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;

    @Inject
    public EventConsumerLoop(KafkaClients kafka, TopicProvisioner topics, EventHandlers handlers, InboundEventProcessor processor,
            MessagingConfig config) {
        this.kafka = kafka;
        this.topics = topics;
        this.handlers = handlers;
        this.processor = processor;
        this.config = config.inbox();
    }

    void start(@Observes StartupEvent event) {
        if (!config.consumerEnabled() || handlers.topics().isEmpty()) {
            LOG.infof("Event consumer not started (enabled=%s, topics=%s)", config.consumerEnabled(), handlers.topics());
            return;
        }
        thread = new Thread(this::run, "event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.countDown();
        processor.stop();
        synchronized (this) {
            if (consumer != null) {
                consumer.wakeup();
            }
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    public boolean isEnabled() {
        return thread != null;
    }

    /** False once the consumer thread has ended, which it only does when stopping or on a fatal error. */
    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    private void run() {
        KafkaConsumer<String, String> c;
        try {
            topics.awaitProvisioned();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // Made on this thread, not at start-up on the main one; not at all when the service is already stopping.
        synchronized (this) {
            if (stopping.getCount() == 0) {
                return;
            }
            c = kafka.newConsumer();
            consumer = c;
        }
        try {
            c.subscribe(handlers.topics(), new CommitOnRevoke());
            LOG.infof("Consuming %s", handlers.topics());
            while (stopping.getCount() > 0) {
                ConsumerRecords<String, String> records = c.poll(POLL_TIMEOUT);
                processBatch(c, records);
            }
            commit(c);
        } catch (WakeupException e) {
            LOG.debug("Event consumer woken up to stop");
        } catch (RuntimeException e) {
            LOG.error("Event consumer stopped", e);
        } finally {
            c.close(KafkaClients.CLOSE_TIMEOUT);
        }
    }

    private void processBatch(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
        if (records.isEmpty()) {
            return;
        }
        List<ConsumerRecord<String, String>> inOrder = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            inOrder.addAll(records.records(partition));
        }
        try {
            processor.processAll(inOrder, record ->
                    processed.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1)));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot process the records of %s now, rewinding and retrying in %s: %s", records.partitions(), OUTAGE_BACKOFF,
                    e.toString());
            rewind(c, records);
            commit(c);
            awaitStop(OUTAGE_BACKOFF);
            return;
        }
        commit(c);
    }

    /** Seeks every partition of the batch back to its first record not yet processed. */
    private void rewind(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata done = processed.get(partition);
            c.seek(partition, done != null ? done.offset() : records.records(partition).get(0).offset());
        }
    }

    private void commit(KafkaConsumer<String, String> c) {
        if (processed.isEmpty()) {
            return;
        }
        try {
            c.commitSync(processed);
        } catch (KafkaException e) {
            // Not fatal: the records are replayed after the rebalance and the inbox drops them.
            LOG.warnf("Offsets not committed: %s", e.toString());
        }
        processed.clear();
    }

    private void awaitStop(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit(consumer);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.debugf("Assigned %s", partitions);
        }
    }
}
