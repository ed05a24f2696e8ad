package fi.sd.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The AsyncAPI document describes exactly the event types that the code can produce. */
class AsyncApiDocumentTest {

    private static final JsonNode DOC = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(AsyncApiDocumentTest.class.getResource("/fi/sd/events/asyncapi.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void isAsyncApi3WithOneChannelPerTopic() {
        assertThat(DOC.get("asyncapi").asText()).isEqualTo("3.0.0");
        Set<String> addresses = new HashSet<>();
        DOC.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        Set<String> topics = new HashSet<>();
        for (Topic topic : Topic.values()) {
            topics.add(topic.topicName());
        }
        assertThat(addresses).isEqualTo(topics);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOnItsTopic(EventType type) {
        JsonNode channel = channelOf(type.topic());
        assertThat(channel.get("messages").has(type.eventName())).as("channel %s lists %s", type.topic(), type.eventName()).isTrue();

        JsonNode message = DOC.at("/components/messages/" + type.eventName());
        assertThat(message.at("/payload/$ref").asText()).isEqualTo("./schemas/" + type.eventName() + ".json");
        assertThat(getClass().getResource("/fi/sd/events/schemas/" + type.eventName() + ".json")).isNotNull();
        JsonNode attributes = message.at("/headers/allOf/1/properties");
        assertThat(attributes.at("/ce_type/const").asText()).isEqualTo(type.ceType());
        assertThat(attributes.at("/ce_source/const").asText()).isEqualTo(type.topic().ceSource());
        assertThat(attributes.at("/ce_dataschema/const").asText()).isEqualTo(type.dataSchema());
        assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
    }

    @Test
    void listsNoMessageTheCodeDoesNotKnow() {
        DOC.get("components").get("messages").fieldNames().forEachRemaining(name ->
                assertThat(EventType.fromCeType("fi.sd." + name + ".v1")).as(name).isPresent());
    }

    @Test
    void everyOperationPointsAtAMessageOfItsChannel() {
        DOC.get("operations").forEach(op -> {
            String channelRef = op.at("/channel/$ref").asText();
            op.get("messages").forEach(m -> assertThat(m.get("$ref").asText()).startsWith(channelRef + "/messages/"));
        });
    }

    private static JsonNode channelOf(Topic topic) {
        for (JsonNode channel : DOC.get("channels")) {
            if (channel.get("address").asText().equals(topic.topicName())) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }
}
