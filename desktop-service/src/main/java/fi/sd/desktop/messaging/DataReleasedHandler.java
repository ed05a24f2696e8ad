package fi.sd.desktop.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.desktop.service.WorkspaceService;
import fi.sd.events.permit.DataReleased;
import fi.sd.platform.inbox.EventContext;
import fi.sd.platform.inbox.EventHandler;

/** A data release is mounted read-only into the permit's workspace. */
@ApplicationScoped
public class DataReleasedHandler implements EventHandler<DataReleased> {

    private final WorkspaceService workspaces;

    @Inject
    public DataReleasedHandler(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Class<DataReleased> payloadType() {
        return DataReleased.class;
    }

    @Override
    public void handle(DataReleased event, EventContext context) {
        workspaces.mount(event);
    }
}
