package fi.sd.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.events.EventJson;
import fi.sd.events.EventSchemas;
import fi.sd.events.EventType;
import fi.sd.events.Topic;
import fi.sd.platform.messaging.CloudEventCodec;
import fi.sd.testsupport.TopicReader;

/** What desktop-service published, checked as the CloudEvents the contract promises. */
public final class DesktopEvents {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Long enough for several relay passes: what has not arrived by then was not published. */
    public static final Duration QUIET = Duration.ofSeconds(3);

    private DesktopEvents() {
    }

    /** Events of this type about one airlock request ({@code idField} in the payload equals {@code id}). */
    public static Predicate<ConsumerRecord<String, String>> about(EventType type, String idField, String id) {
        return r -> type.ceType().equals(CloudEventCodec.get(r.headers(), CloudEventCodec.TYPE))
                && id.equals(body(r).path(idField).asText());
    }

    /** Waits for the one event of this type about the request, checks it, and makes sure no second one follows. */
    public static JsonNode awaitOnly(EventType type, String idField, String id, String permitId, String workspaceId) {
        try (TopicReader reader = TopicReader.fromBeginning(Topic.DESKTOP.topicName())) {
            reader.await(about(type, idField, id), 1, TIMEOUT);
            List<ConsumerRecord<String, String>> all = reader.drain(about(type, idField, id), QUIET);
            assertThat(all).as("%s events about %s", type.eventName(), id).hasSize(1);
            return assertCloudEvent(all.get(0), type, permitId, workspaceId);
        }
    }

    /** None of this type about the request arrives. */
    public static void assertNone(EventType type, String idField, String id) {
        try (TopicReader reader = TopicReader.fromBeginning(Topic.DESKTOP.topicName())) {
            assertThat(reader.drain(about(type, idField, id), QUIET)).as("%s events about %s", type.eventName(), id).isEmpty();
        }
    }

    /** A binary-mode CloudEvent 1.0 from desktop-service, keyed by the permit, about the workspace, valid against its schema. */
    public static JsonNode assertCloudEvent(ConsumerRecord<String, String> record, EventType type, String permitId, String workspaceId) {
        assertThat(record.key()).isEqualTo(permitId);
        assertThat(header(record, CloudEventCodec.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventCodec.TYPE)).isEqualTo(type.ceType());
        assertThat(header(record, CloudEventCodec.SOURCE)).isEqualTo(Topic.DESKTOP.ceSource());
        assertThat(header(record, CloudEventCodec.SUBJECT)).isEqualTo(workspaceId);
        assertThat(header(record, CloudEventCodec.DATA_SCHEMA)).isEqualTo(type.dataSchema());
        assertThat(UUID.fromString(header(record, CloudEventCodec.ID))).isNotNull();
        assertThat(Instant.parse(header(record, CloudEventCodec.TIME))).isNotNull();
        JsonNode payload = body(record);
        assertThat(EventSchemas.violations(type, payload)).isEmpty();
        return payload;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventCodec.get(record.headers(), name);
    }

    private static JsonNode body(ConsumerRecord<String, String> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
