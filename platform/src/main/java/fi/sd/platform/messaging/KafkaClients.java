package fi.sd.platform.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/**
 * The Kafka clients of a service, built from the {@code kafka.*} configuration. One producer,
 * shared by the outbox relay and the dead-letter publisher: idempotent, {@code acks=all}, so a
 * retried send never duplicates or reorders records within a partition.
 */
@ApplicationScoped
public class KafkaClients {

    /** How long closing a client may wait for the broker. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> brokerConfig;
    private final MessagingConfig config;
    private volatile Producer<String, String> producer;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> brokerConfig, MessagingConfig config) {
        this.brokerConfig = brokerConfig;
        this.config = config;
    }

    public Producer<String, String> producer() {
        Producer<String, String> result = producer;
        if (result == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
                }
                result = producer;
            }
        }
        return result;
    }

    public KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> props = clientConfig();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.serviceName());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-consumer");
        // Offsets are committed by the consumer loop only after the effect and the inbox row are committed.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.inbox().maxPollRecords());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    public Admin newAdmin() {
        return Admin.create(clientConfig());
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = clientConfig();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return props;
    }

    /** The broker settings without the serializer and group entries that Quarkus may add for its own channels. */
    private Map<String, Object> clientConfig() {
        Map<String, Object> props = new HashMap<>(brokerConfig);
        props.keySet().removeIf(k -> k.endsWith(".serializer") || k.endsWith(".deserializer") || k.equals("group.id"));
        return props;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            // Bounded: an unreachable broker must not hold up shutdown (unsent rows stay in the outbox).
            producer.close(CLOSE_TIMEOUT);
        }
    }
}
