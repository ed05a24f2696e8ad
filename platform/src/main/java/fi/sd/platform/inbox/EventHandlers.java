package fi.sd.platform.inbox;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import fi.sd.events.EventPayload;
import fi.sd.events.EventType;

/** The service's event handlers by event type, and the topics they need. */
@ApplicationScoped
public class EventHandlers {

    private final Map<EventType, EventHandler<?>> byType;

    @Inject
    public EventHandlers(@Any Instance<EventHandler<?>> handlers) {
        this(handlers.stream());
    }

    private EventHandlers(Stream<EventHandler<?>> handlers) {
        this.byType = handlers.collect(Collectors.toUnmodifiableMap(
                h -> EventType.ofPayloadType(h.payloadType()), Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two handlers for " + a.payloadType().getSimpleName() + ": "
                            + a.getClass().getName() + " and " + b.getClass().getName());
                }));
    }

    /** These handlers, outside CDI (unit tests). */
    static EventHandlers of(EventHandler<?>... handlers) {
        return new EventHandlers(Stream.of(handlers));
    }

    @SuppressWarnings("unchecked")
    public <T extends EventPayload> Optional<EventHandler<T>> forType(EventType type) {
        return Optional.ofNullable((EventHandler<T>) byType.get(type));
    }

    public Set<String> topics() {
        return byType.keySet().stream().map(t -> t.topic().topicName()).collect(Collectors.toCollection(TreeSet::new));
    }

    public Collection<EventType> types() {
        return byType.keySet();
    }
}
