package fi.sd.desktop.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.desktop.service.WorkspaceService;
import fi.sd.events.apply.AccessGranted;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** A member's entitlement to a register dataset began: it decides whether they see the dataset's mount. */
@ApplicationScoped
public class AccessGrantedHandler implements EventHandler<AccessGranted> {

    private final WorkspaceService workspaces;

    @Inject
    public AccessGrantedHandler(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Class<AccessGranted> payloadType() {
        return AccessGranted.class;
    }

    @Override
    public void handle(AccessGranted event, EventContext context) {
        workspaces.entitle(event);
    }
}
