package fi.sd.desktop.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.desktop.service.WorkspaceService;
import fi.sd.events.desktop.LockReason;
import fi.sd.events.permit.PermitRevoked;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** A revoked permit locks its workspace at once. */
@ApplicationScoped
public class PermitRevokedHandler implements EventHandler<PermitRevoked> {

    private final WorkspaceService workspaces;

    @Inject
    public PermitRevokedHandler(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Class<PermitRevoked> payloadType() {
        return PermitRevoked.class;
    }

    @Override
    public void handle(PermitRevoked event, EventContext context) {
        workspaces.lock(event.permitId(), LockReason.PERMIT_REVOKED);
    }
}
