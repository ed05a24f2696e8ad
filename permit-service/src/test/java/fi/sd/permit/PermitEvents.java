package fi.sd.permit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.events.EventJson;
import fi.sd.events.EventSchemas;
import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.testsupport.TopicReader;

/** What permit-service published on its topic, and checks that each record is the CloudEvent the contract promises. */
public final class PermitEvents {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Long enough for several scheduler runs and relay passes: what has not arrived by then was not published. */
    public static final Duration QUIET = Duration.ofSeconds(3);

    private PermitEvents() {
    }

    public static TopicReader reader() {
        return TopicReader.fromBeginning(Topic.PERMIT.topicName());
    }

    public static Predicate<ConsumerRecord<String, String>> of(EventType type, String permitId) {
        return r -> permitId.equals(r.key()) && type.ceType().equals(header(r, CloudEventCodec.TYPE));
    }

    /** Waits for the permit's first event of this type and returns it, checked as a CloudEvent. */
    public static ConsumerRecord<String, String> awaitOne(EventType type, String permitId) {
        try (TopicReader reader = reader()) {
            ConsumerRecord<String, String> record = reader.await(of(type, permitId), 1, TIMEOUT).get(0);
            assertCloudEvent(record, type, permitId);
            return record;
        }
    }

    /** Waits for {@code count} events of this type for the permit, then makes sure no more come. */
    public static List<ConsumerRecord<String, String>> exactly(TopicReader reader, EventType type, String permitId, int count) {
        reader.await(of(type, permitId), count, TIMEOUT);
        List<ConsumerRecord<String, String>> all = reader.drain(of(type, permitId), QUIET);
        assertThat(all).as("%s events for permit %s", type.eventName(), permitId).hasSize(count);
        return all;
    }

    /** Waits for one event of this type for each permit, then makes sure no permit gets a second one. */
    public static void exactlyOnceEach(TopicReader reader, EventType type, Collection<String> permitIds) {
        Predicate<ConsumerRecord<String, String>> matching = r -> permitIds.contains(r.key())
                && type.ceType().equals(header(r, CloudEventCodec.TYPE));
        reader.await(matching, permitIds.size(), TIMEOUT);
        Map<String, Long> perPermit = reader.drain(matching, QUIET).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perPermit).as("%s events per permit", type.eventName()).hasSize(permitIds.size())
                .allSatisfy((id, count) -> assertThat(count).isOne());
    }

    /**
     * A binary-mode CloudEvent 1.0 from permit-service, keyed and subjected by the permit id,
     * whose JSON body validates against the type's schema; returns the body.
     */
    public static JsonNode assertCloudEvent(ConsumerRecord<String, String> record, EventType type, String permitId) {
        assertThat(record.key()).isEqualTo(permitId);
        assertThat(header(record, CloudEventCodec.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventCodec.TYPE)).isEqualTo(type.ceType());
        assertThat(header(record, CloudEventCodec.SOURCE)).isEqualTo("urn:sd:permit-service");
        assertThat(header(record, CloudEventCodec.SUBJECT)).isEqualTo(permitId);
        assertThat(header(record, CloudEventCodec.DATA_SCHEMA)).isEqualTo(type.dataSchema());
        assertThat(header(record, CloudEventCodec.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(UUID.fromString(header(record, CloudEventCodec.ID))).isNotNull();
        assertThat(Instant.parse(header(record, CloudEventCodec.TIME))).isNotNull();
        JsonNode payload = body(record);
        assertThat(EventSchemas.violations(type, payload)).isEmpty();
        return payload;
    }

    public static JsonNode body(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventCodec.get(record.headers(), name);
    }
}
