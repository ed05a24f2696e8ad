package fi.sd.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import fi.sd.platform.messaging.KafkaClients;
import fi.sd.platform.messaging.MessagingConfig;

/**
 * Moves a record that cannot be processed to {@code <topic>.dlq.<service>}: same key, value and
 * headers, plus {@code sd_error_*} headers that say why and where it came from. The send is
 * synchronous: the consumer commits the offset only once the dead letter is safely stored.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String ERROR_CLASS = "sd_error_class";
    public static final String ERROR_MESSAGE = "sd_error_message";
    public static final String ERROR_ATTEMPTS = "sd_error_attempts";
    public static final String ORIGINAL_TOPIC = "sd_original_topic";
    public static final String ORIGINAL_PARTITION = "sd_original_partition";
    public static final String ORIGINAL_OFFSET = "sd_original_offset";
    public static final String CONSUMER = "sd_consumer";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_MESSAGE_LENGTH = 2000;

    private final KafkaClients kafka;
    private final String serviceName;

    @Inject
    public DeadLetters(KafkaClients kafka, MessagingConfig config) {
        this.kafka = kafka;
        this.serviceName = config.serviceName();
    }

    public static String topicFor(String topic, String consumer) {
        return topic + ".dlq." + consumer;
    }

    public void send(ConsumerRecord<String, String> record, Throwable error, int attempts) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(topicFor(record.topic(), serviceName), record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        put(letter, ERROR_CLASS, error.getClass().getName());
        put(letter, ERROR_MESSAGE, truncate(String.valueOf(error.getMessage())));
        put(letter, ERROR_ATTEMPTS, Integer.toString(attempts));
        put(letter, ORIGINAL_TOPIC, record.topic());
        put(letter, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        put(letter, ORIGINAL_OFFSET, Long.toString(record.offset()));
        put(letter, CONSUMER, serviceName);
        try {
            kafka.producer().send(letter).get();
        } catch (ExecutionException e) {
            throw new InfrastructureUnavailableException("Dead-letter topic unavailable", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureUnavailableException("Interrupted while dead-lettering", e);
        }
        LOG.errorf("Dead-lettered %s-%d@%d after %d attempt(s): %s", record.topic(), record.partition(), record.offset(), attempts,
                error.toString());
    }

    private static void put(ProducerRecord<String, String> letter, String name, String value) {
        letter.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH);
    }
}
