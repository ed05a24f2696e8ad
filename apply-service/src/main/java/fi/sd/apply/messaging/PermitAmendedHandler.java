package fi.sd.apply.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.apply.service.PermitReadModel;
import fi.sd.events.permit.PermitAmended;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** A new permit version replaces the one known: persons, datasets, validity. */
@ApplicationScoped
public class PermitAmendedHandler implements EventHandler<PermitAmended> {

    private final PermitReadModel permits;

    @Inject
    public PermitAmendedHandler(PermitReadModel permits) {
        this.permits = permits;
    }

    @Override
    public Class<PermitAmended> payloadType() {
        return PermitAmended.class;
    }

    @Override
    public void handle(PermitAmended event, EventContext context) {
        permits.record(event.permit(), event.occurredAt());
    }
}
