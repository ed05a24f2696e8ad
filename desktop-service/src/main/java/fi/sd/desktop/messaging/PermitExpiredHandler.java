package fi.sd.desktop.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.desktop.service.WorkspaceService;
import fi.sd.events.desktop.LockReason;
import fi.sd.events.permit.PermitExpired;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** An expired permit locks its workspace at once. */
@ApplicationScoped
public class PermitExpiredHandler implements EventHandler<PermitExpired> {

    private final WorkspaceService workspaces;

    @Inject
    public PermitExpiredHandler(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Class<PermitExpired> payloadType() {
        return PermitExpired.class;
    }

    @Override
    public void handle(PermitExpired event, EventContext context) {
        workspaces.lock(event.permitId(), LockReason.PERMIT_EXPIRED);
    }
}
