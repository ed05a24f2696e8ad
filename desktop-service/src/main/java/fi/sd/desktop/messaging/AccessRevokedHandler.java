package fi.sd.desktop.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.desktop.service.WorkspaceService;
import fi.sd.events.apply.AccessRevoked;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** A member's entitlement to a register dataset ended: it decides whether they see the dataset's mount. */
@ApplicationScoped
public class AccessRevokedHandler implements EventHandler<AccessRevoked> {

    private final WorkspaceService workspaces;

    @Inject
    public AccessRevokedHandler(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Class<AccessRevoked> payloadType() {
        return AccessRevoked.class;
    }

    @Override
    public void handle(AccessRevoked event, EventContext context) {
        workspaces.endEntitlement(event);
    }
}
