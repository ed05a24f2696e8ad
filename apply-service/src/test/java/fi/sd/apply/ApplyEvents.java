package fi.sd.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.events.EventJson;
import fi.sd.events.EventSchemas;
import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.testsupport.TopicReader;

/** What apply-service published, checked as the CloudEvents the contract promises. */
public final class ApplyEvents {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ApplyEvents() {
    }

    public static Predicate<ConsumerRecord<String, String>> of(EventType type, String permitId) {
        return r -> permitId.equals(r.key()) && type.ceType().equals(CloudEventCodec.get(r.headers(), CloudEventCodec.TYPE));
    }

    /** Waits for {@code count} events of this type for the permit; each checked and returned as its JSON body. */
    public static List<JsonNode> await(EventType type, String permitId, int count) {
        try (TopicReader reader = TopicReader.fromBeginning(Topic.APPLY.topicName())) {
            return reader.await(of(type, permitId), count, TIMEOUT).stream().map(r -> assertCloudEvent(r, type, permitId)).toList();
        }
    }

    /** A binary-mode CloudEvent 1.0 from apply-service, keyed by the permit, subject its application, whose body validates against its schema. */
    public static JsonNode assertCloudEvent(ConsumerRecord<String, String> record, EventType type, String permitId) {
        assertThat(record.key()).isEqualTo(permitId);
        assertThat(CloudEventCodec.get(record.headers(), CloudEventCodec.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEventCodec.get(record.headers(), CloudEventCodec.SOURCE)).isEqualTo("urn:sd:apply-service");
        assertThat(CloudEventCodec.get(record.headers(), CloudEventCodec.DATA_SCHEMA)).isEqualTo(type.dataSchema());
        try {
            JsonNode body = EventJson.mapper().readTree(record.value());
            assertThat(EventSchemas.violations(type, body)).isEmpty();
            assertThat(body.at("/permitId").asText()).isEqualTo(permitId);
            assertThat(CloudEventCodec.get(record.headers(), CloudEventCodec.SUBJECT)).isEqualTo(body.at("/applicationId").asText());
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
