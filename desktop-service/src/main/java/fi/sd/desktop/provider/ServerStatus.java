package fi.sd.desktop.provider;

import java.util.Optional;

/**
 * A server's state, the cloud's fault message in ERROR (Nova's {@code fault.message}), and whether a
 * task is still running on it (Nova's {@code OS-EXT-STS:task_state}, e.g. {@code deleting}): while one
 * is, the state is not yet the task's outcome (a server in ERROR reads ERROR until its deletion ends).
 */
public record ServerStatus(ServerState state, Optional<String> fault, boolean taskInProgress) {

    public static ServerStatus of(ServerState state) {
        return new ServerStatus(state, Optional.empty(), false);
    }
}
