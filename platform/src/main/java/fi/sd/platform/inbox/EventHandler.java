package fi.sd.platform.inbox;

import fi.sd.events.EventPayload;

/**
 * Applies one event type to this service's state. Implement it as a CDI bean: the platform
 * subscribes to the handled type's topic and calls {@link #handle} inside the transaction that
 * records the event as processed, at most once per event id. A handler must tolerate events of
 * other topics arriving before or after this one.
 */
public interface EventHandler<T extends EventPayload> {

    Class<T> payloadType();

    void handle(T payload, EventContext context);
}
