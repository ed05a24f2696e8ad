package fi.sd.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fi.sd.events.permit.PermitGranted;

class EventSchemasTest {

    private static final Map<EventType, EventPayload> SAMPLES = EventSamples.all();

    @Test
    void everyEventTypeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleValidatesAgainstItsSchema(EventType type) {
        JsonNode json = EventJson.mapper().valueToTree(SAMPLES.get(type));

        assertThat(EventSchemas.violations(type, json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleSurvivesTheWireFormat(EventType type) {
        EventPayload sample = SAMPLES.get(type);

        EventPayload read = EventJson.read(EventJson.write(sample), type.payloadType());

        assertThat(read).isEqualTo(sample);
        assertThat(EventType.of(read)).isEqualTo(type);
        assertThat(EventType.fromCeType(type.ceType())).contains(type);
    }

    /** The schema and the record name the same fields, so neither can drift from the other. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDeclaresExactlyTheRecordsFields(EventType type) throws Exception {
        JsonNode schema = EventJson.mapper().readTree(getClass().getResource("/fi/sd/events/schemas/" + type.eventName() + ".json"));
        Set<String> recordFields = Arrays.stream(type.payloadType().getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(declared::add);
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(n -> required.add(n.asText()));

        assertThat(declared).isEqualTo(recordFields);
        assertThat(required).isEqualTo(recordFields);
        assertThat(schema.get("$id").asText()).isEqualTo(type.dataSchema());
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void missingFieldUnknownFieldAndBadFormatsAreReported() {
        ObjectNode json = EventJson.mapper().valueToTree(SAMPLES.get(EventType.PERMIT_GRANTED));
        json.remove("actor");
        json.put("surprise", true);
        json.put("occurredAt", "yesterday");
        ObjectNode permit = (ObjectNode) json.get("permit");
        permit.put("validUntil", "2026-02-30");
        ((ObjectNode) permit.get("persons").get(0)).put("email", "not-an-email");
        permit.putArray("datasets");

        assertThat(String.join("\n", EventSchemas.violations(EventType.PERMIT_GRANTED, json)))
                .contains("actor", "surprise", "occurredAt", "validUntil", "email", "datasets");
    }

    @Test
    void requireValidRefusesAPayloadThatBreaksItsSchema() {
        JsonNode json = EventJson.mapper().valueToTree(new PermitGranted(EventSamples.snapshot(0), "", EventSamples.AT));

        assertThatThrownBy(() -> EventSchemas.requireValid(EventType.PERMIT_GRANTED, json))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PermitGranted");
    }

    @Test
    void malformedBodyIsAMalformedEvent() {
        assertThatThrownBy(() -> EventJson.read("{\"permit\": 42", PermitGranted.class))
                .isInstanceOf(MalformedEventException.class);
    }
}
