package fi.sd.desktop.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.desktop.service.WorkspaceService;
import fi.sd.events.permit.PermitGranted;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** A granted permit gets its workspace. */
@ApplicationScoped
public class PermitGrantedHandler implements EventHandler<PermitGranted> {

    private final WorkspaceService workspaces;

    @Inject
    public PermitGrantedHandler(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Class<PermitGranted> payloadType() {
        return PermitGranted.class;
    }

    @Override
    public void handle(PermitGranted event, EventContext context) {
        workspaces.openFor(event.permit());
    }
}
