package fi.sd.events;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/** The JSON Schema (draft 2020-12) of every event payload, loaded from this module's resources. */
public final class EventSchemas {

    /** The {@code $id} prefix of the schemas; it maps to {@code classpath:fi/sd/events/schemas/}. */
    public static final String ID_PREFIX = "https://schemas.sd.fi/events/v1/";
    private static final String CLASSPATH_PREFIX = "classpath:fi/sd/events/schemas/";

    private static final Map<EventType, Schema> SCHEMAS = load();

    private EventSchemas() {
    }

    /** The violations of the payload against its type's schema, as readable lines; empty when valid. */
    public static List<String> violations(EventType type, JsonNode payload) {
        List<Error> errors = SCHEMAS.get(type).validate(payload);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).collect(Collectors.toList());
    }

    /** Fails when the payload breaks its schema: a producer must never publish such an event. */
    public static void requireValid(EventType type, JsonNode payload) {
        List<String> violations = violations(type, payload);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(type.eventName() + " payload breaks its schema: " + violations);
        }
    }

    private static Map<EventType, Schema> load() {
        // Formats (date, date-time, email) are assertions here, not mere annotations.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaIdResolvers(resolvers -> resolvers.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX)));
        Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(type.dataSchema()));
            schema.initializeValidators();
            schemas.put(type, schema);
        }
        return schemas;
    }
}
