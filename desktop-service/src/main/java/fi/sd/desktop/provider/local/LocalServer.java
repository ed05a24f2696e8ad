package fi.sd.desktop.provider.local;

import java.time.Instant;
import java.util.List;

import fi.sd.desktop.provider.DataAttachment;
import fi.sd.desktop.provider.ServerState;

/**
 * The local provider's record of one server (kept as JSON beside its home, so that every replica on the
 * host and a restarted service see the same): what was asked for it ({@code desired}: ACTIVE, PAUSED or
 * SHUTOFF) and the sandbox that runs it, if one was started ({@code pid} of the bwrap that supervises
 * it, with its start time so that a recycled pid is not mistaken for it, and {@code sandboxPid}, the
 * sandbox's first process, whose namespaces are the desktop's).
 */
record LocalServer(String id, String desktopId, String workspaceId, String name, int slot, int cores, int memoryGb, int volumeGb,
        List<DataAttachment> data, ServerState desired, Long pid, Instant pidStartedAt, Long sandboxPid, Instant bootedAt,
        boolean consoleReady) {

    LocalServer {
        data = List.copyOf(data);
    }

    LocalServer desired(ServerState state) {
        return new LocalServer(id, desktopId, workspaceId, name, slot, cores, memoryGb, volumeGb, data, state, pid, pidStartedAt,
                sandboxPid, bootedAt, consoleReady);
    }

    LocalServer booted(long newPid, Instant startedAt, long newSandboxPid, Instant at) {
        return new LocalServer(id, desktopId, workspaceId, name, slot, cores, memoryGb, volumeGb, data, ServerState.ACTIVE, newPid,
                startedAt, newSandboxPid, at, false);
    }

    LocalServer consoleIsReady() {
        return new LocalServer(id, desktopId, workspaceId, name, slot, cores, memoryGb, volumeGb, data, desired, pid, pidStartedAt,
                sandboxPid, bootedAt, true);
    }

    LocalServer withData(List<DataAttachment> attached) {
        return new LocalServer(id, desktopId, workspaceId, name, slot, cores, memoryGb, volumeGb, attached, desired, pid, pidStartedAt,
                sandboxPid, bootedAt, consoleReady);
    }
}
