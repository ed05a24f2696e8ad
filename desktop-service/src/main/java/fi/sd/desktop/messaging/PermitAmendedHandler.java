package fi.sd.desktop.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.desktop.service.WorkspaceService;
import fi.sd.events.permit.PermitAmended;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** An amended permit changes its workspace's members and validity. */
@ApplicationScoped
public class PermitAmendedHandler implements EventHandler<PermitAmended> {

    private final WorkspaceService workspaces;

    @Inject
    public PermitAmendedHandler(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Class<PermitAmended> payloadType() {
        return PermitAmended.class;
    }

    @Override
    public void handle(PermitAmended event, EventContext context) {
        workspaces.amend(event.permit());
    }
}
