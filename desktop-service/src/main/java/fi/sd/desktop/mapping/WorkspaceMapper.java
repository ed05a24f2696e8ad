package fi.sd.desktop.mapping;

import java.util.List;

import fi.sd.desktop.domain.Workspace;
import fi.sd.desktop.rest.WorkspaceView;

/** From the workspace entity to its API view. */
public final class WorkspaceMapper {

    private WorkspaceMapper() {
    }

    public static WorkspaceView toView(Workspace workspace) {
        return new WorkspaceView(workspace.id, workspace.permitId, workspace.projectId, workspace.status,
                List.copyOf(workspace.members), workspace.validUntil, workspace.createdAt, workspace.updatedAt);
    }
}
