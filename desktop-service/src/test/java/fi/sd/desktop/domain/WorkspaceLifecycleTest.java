package fi.sd.desktop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Walks the whole workspace lifecycle: every status × every command. */
class WorkspaceLifecycleTest {

    /** The expected table, written out in full: a missing entry means "refused". */
    private static final Map<WorkspaceStatus, Map<WorkspaceCommand, WorkspaceStatus>> EXPECTED = new EnumMap<>(Map.of(
            WorkspaceStatus.PROVISIONING, new EnumMap<>(Map.of(
                    WorkspaceCommand.COMPLETE_PROVISIONING, WorkspaceStatus.READY,
                    WorkspaceCommand.AMEND, WorkspaceStatus.PROVISIONING,
                    WorkspaceCommand.LOCK, WorkspaceStatus.LOCKED)),
            WorkspaceStatus.READY, new EnumMap<>(Map.of(
                    WorkspaceCommand.AMEND, WorkspaceStatus.READY,
                    WorkspaceCommand.LOCK, WorkspaceStatus.LOCKED)),
            WorkspaceStatus.LOCKED, new EnumMap<>(Map.of(
                    WorkspaceCommand.AMEND, WorkspaceStatus.LOCKED,
                    WorkspaceCommand.UNLOCK, WorkspaceStatus.READY,
                    WorkspaceCommand.PURGE, WorkspaceStatus.PURGED)),
            WorkspaceStatus.PURGED, new EnumMap<>(WorkspaceCommand.class)));

    @Test
    void everyStatusAndCommandLeadsWhereTheTableSaysOrIsRefusedWith409() {
        LifecycleWalk.walk(Workspace.LIFECYCLE, WorkspaceStatus.class, WorkspaceCommand.class, EXPECTED, status -> {
            Workspace workspace = new Workspace();
            workspace.status = status;
            return new LifecycleWalk.Subject<>(workspace::apply, () -> workspace.status);
        });
    }

    @Test
    void onlyThePurgeIsFinal() {
        assertThat(Workspace.LIFECYCLE.finalStates()).containsExactly(WorkspaceStatus.PURGED);
    }
}
