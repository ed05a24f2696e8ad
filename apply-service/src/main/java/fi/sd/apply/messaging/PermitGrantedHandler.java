package fi.sd.apply.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.apply.service.PermitReadModel;
import fi.sd.events.permit.PermitGranted;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** A new permit: its persons may now apply for its datasets. */
@ApplicationScoped
public class PermitGrantedHandler implements EventHandler<PermitGranted> {

    private final PermitReadModel permits;

    @Inject
    public PermitGrantedHandler(PermitReadModel permits) {
        this.permits = permits;
    }

    @Override
    public Class<PermitGranted> payloadType() {
        return PermitGranted.class;
    }

    @Override
    public void handle(PermitGranted event, EventContext context) {
        permits.record(event.permit(), event.occurredAt());
    }
}
