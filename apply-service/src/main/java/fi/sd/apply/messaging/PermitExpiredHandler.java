package fi.sd.apply.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.apply.domain.PermitStatus;
import fi.sd.apply.service.PermitReadModel;
import fi.sd.events.permit.PermitExpired;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** An expired permit closes its open applications and ends their entitlements. */
@ApplicationScoped
public class PermitExpiredHandler implements EventHandler<PermitExpired> {

    private final PermitReadModel permits;

    @Inject
    public PermitExpiredHandler(PermitReadModel permits) {
        this.permits = permits;
    }

    @Override
    public Class<PermitExpired> payloadType() {
        return PermitExpired.class;
    }

    @Override
    public void handle(PermitExpired event, EventContext context) {
        permits.ended(event.permitId(), PermitStatus.EXPIRED, "Permit expired after " + event.validUntil(), event.occurredAt());
    }
}
