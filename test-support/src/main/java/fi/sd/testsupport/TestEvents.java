package fi.sd.testsupport;

import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import fi.sd.events.EventJson;
import fi.sd.events.EventPayload;
import fi.sd.events.EventType;
import fi.sd.platform.messaging.CloudEvent;
import fi.sd.platform.messaging.CloudEventCodec;

/**
 * Publishes events to the test broker as another service would, to drive a consumer directly:
 * the same CloudEvent twice (a redelivery), events out of order, or records that are not events at all.
 */
public final class TestEvents {

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** Wraps a payload as its producer would; returns the CloudEvent so that a test can send it again. */
    public static CloudEvent cloudEvent(EventPayload payload) {
        EventType type = EventType.of(payload);
        return new CloudEvent(UUID.randomUUID().toString(), type.ceType(), type.topic().ceSource(), payload.permitId(),
                payload.occurredAt(), type.dataSchema(), null, EventJson.write(payload));
    }

    public static CloudEvent publish(EventPayload payload) {
        CloudEvent event = cloudEvent(payload);
        send(EventType.of(payload).topic().topicName(), payload.permitId(), event);
        return event;
    }

    public static void send(String topic, String key, CloudEvent event) {
        send(CloudEventCodec.toRecord(topic, key, event));
    }

    public static synchronized void send(ProducerRecord<String, String> record) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Test event not sent", e.getCause());
        }
    }
}
