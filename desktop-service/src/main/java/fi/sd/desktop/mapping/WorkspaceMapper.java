package fi.sd.desktop.mapping;

import java.util.List;

import fi.sd.desktop.api.DatasetMountView;
import fi.sd.desktop.api.WorkspaceView;
import fi.sd.desktop.domain.DatasetMount;
import fi.sd.desktop.domain.Workspace;

/** From the workspace entity to its API view. */
public final class WorkspaceMapper {

    private WorkspaceMapper() {
    }

    /** {@code mounts}: the workspace's mounts that the reader may see. */
    public static WorkspaceView toView(Workspace workspace, List<DatasetMount> mounts) {
        List<DatasetMountView> datasets = mounts.stream()
                .map(m -> new DatasetMountView(m.datasetId, m.releaseId, m.mountPath, m.readOnly(), m.delivery)).toList();
        return new WorkspaceView(workspace.id, workspace.permitId, workspace.projectId, workspace.status,
                List.copyOf(workspace.members), datasets, workspace.validUntil, workspace.purgeAfter, workspace.createdAt,
                workspace.updatedAt);
    }
}
