package fi.sd.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Down when the consumer thread has died: the process no longer applies events and should be restarted. */
@Liveness
@ApplicationScoped
public class EventConsumerHealthCheck implements HealthCheck {

    private final EventConsumerLoop loop;
    private final EventHandlers handlers;

    @Inject
    public EventConsumerHealthCheck(EventConsumerLoop loop, EventHandlers handlers) {
        this.loop = loop;
        this.handlers = handlers;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = !loop.isEnabled() || loop.isRunning();
        return HealthCheckResponse.named("event-consumer")
                .status(up)
                .withData("topics", String.join(",", handlers.topics()))
                .withData("enabled", loop.isEnabled())
                .build();
    }
}
