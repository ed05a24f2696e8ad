package fi.sd.desktop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Walks the whole desktop lifecycle: every status × every command. */
class DesktopLifecycleTest {

    /** The expected table, written out in full: a missing entry means "refused". */
    private static final Map<DesktopStatus, Map<DesktopCommand, DesktopStatus>> EXPECTED = new EnumMap<>(Map.of(
            DesktopStatus.CREATING, new EnumMap<>(Map.of(
                    DesktopCommand.PROVISIONED, DesktopStatus.RUNNING,
                    DesktopCommand.FAIL, DesktopStatus.FAILED,
                    DesktopCommand.PURGE, DesktopStatus.DELETED)),
            DesktopStatus.RUNNING, new EnumMap<>(Map.of(
                    DesktopCommand.PAUSE, DesktopStatus.PAUSED,
                    DesktopCommand.REBOOT, DesktopStatus.REBOOTING,
                    DesktopCommand.STOP, DesktopStatus.STOPPED,
                    DesktopCommand.DELETE, DesktopStatus.DELETING,
                    DesktopCommand.PURGE, DesktopStatus.DELETED)),
            DesktopStatus.PAUSED, new EnumMap<>(Map.of(
                    DesktopCommand.RESUME, DesktopStatus.RUNNING,
                    DesktopCommand.STOP, DesktopStatus.STOPPED,
                    DesktopCommand.DELETE, DesktopStatus.DELETING,
                    DesktopCommand.PURGE, DesktopStatus.DELETED)),
            DesktopStatus.REBOOTING, new EnumMap<>(Map.of(
                    DesktopCommand.REBOOTED, DesktopStatus.RUNNING,
                    DesktopCommand.FAIL, DesktopStatus.FAILED,
                    DesktopCommand.STOP, DesktopStatus.STOPPED,
                    DesktopCommand.PURGE, DesktopStatus.DELETED)),
            DesktopStatus.STOPPED, new EnumMap<>(Map.of(
                    DesktopCommand.RESUME, DesktopStatus.RUNNING,
                    DesktopCommand.DELETE, DesktopStatus.DELETING,
                    DesktopCommand.PURGE, DesktopStatus.DELETED)),
            DesktopStatus.FAILED, new EnumMap<>(Map.of(
                    DesktopCommand.DELETE, DesktopStatus.DELETING,
                    DesktopCommand.PURGE, DesktopStatus.DELETED)),
            DesktopStatus.DELETING, new EnumMap<>(Map.of(
                    DesktopCommand.DELETED, DesktopStatus.DELETED,
                    DesktopCommand.FAIL, DesktopStatus.FAILED,
                    DesktopCommand.PURGE, DesktopStatus.DELETED)),
            DesktopStatus.DELETED, new EnumMap<>(DesktopCommand.class)));

    @Test
    void everyStatusAndCommandLeadsWhereTheTableSaysOrIsRefusedWith409() {
        Instant now = Instant.parse("2026-11-29T03:00:00Z");
        LifecycleWalk.walk(Desktop.LIFECYCLE, DesktopStatus.class, DesktopCommand.class, EXPECTED, status -> {
            Desktop desktop = new Desktop();
            desktop.status = status;
            return new LifecycleWalk.Subject<>(command -> {
                desktop.apply(command, now);
                assertThat(desktop.updatedAt).isEqualTo(now);
            }, () -> desktop.status);
        });
    }

    @Test
    void onlyDeletedIsFinalAndThePollFollowsTheStatesThatWaitOnTheCloud() {
        assertThat(Desktop.LIFECYCLE.finalStates()).containsExactly(DesktopStatus.DELETED);
        assertThat(Desktop.IN_TRANSITION).containsExactly(DesktopStatus.CREATING, DesktopStatus.REBOOTING, DesktopStatus.DELETING);
    }
}
