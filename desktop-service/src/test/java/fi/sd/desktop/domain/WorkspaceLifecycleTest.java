package fi.sd.desktop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fi.sd.platform.domain.CommandRefusedException;
import fi.sd.platform.domain.CommandRefusedException.Reason;

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
        for (WorkspaceStatus status : WorkspaceStatus.values()) {
            for (WorkspaceCommand command : WorkspaceCommand.values()) {
                Optional<WorkspaceStatus> expected = Optional.ofNullable(EXPECTED.get(status).get(command));
                assertThat(Workspace.LIFECYCLE.next(status, command)).as("%s --%s-->", status, command).isEqualTo(expected);
                Workspace workspace = new Workspace();
                workspace.status = status;
                if (expected.isPresent()) {
                    workspace.apply(command);
                    assertThat(workspace.status).as("%s --%s-->", status, command).isEqualTo(expected.get());
                } else {
                    assertThatThrownBy(() -> workspace.apply(command)).as("%s --%s-->", status, command)
                            .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STATE));
                    assertThat(workspace.status).isEqualTo(status);
                }
            }
        }
    }

    @Test
    void onlyThePurgeIsFinal() {
        assertThat(Workspace.LIFECYCLE.finalStates()).containsExactly(WorkspaceStatus.PURGED);
    }
}
