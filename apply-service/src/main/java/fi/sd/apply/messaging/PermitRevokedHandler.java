package fi.sd.apply.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.apply.domain.PermitStatus;
import fi.sd.apply.service.PermitReadModel;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** A revoked permit closes its open applications and ends their entitlements. */
@ApplicationScoped
public class PermitRevokedHandler implements EventHandler<PermitRevoked> {

    private final PermitReadModel permits;

    @Inject
    public PermitRevokedHandler(PermitReadModel permits) {
        this.permits = permits;
    }

    @Override
    public Class<PermitRevoked> payloadType() {
        return PermitRevoked.class;
    }

    @Override
    public void handle(PermitRevoked event, EventContext context) {
        permits.ended(event.permitId(), PermitStatus.REVOKED, "Permit revoked: " + event.reason(), event.occurredAt());
    }
}
