package fi.sd.desktop.provider;

import java.util.Optional;

/** A server's state and, in ERROR, the cloud's fault message (Nova's {@code fault.message}). */
public record ServerStatus(ServerState state, Optional<String> fault) {

    public static ServerStatus of(ServerState state) {
        return new ServerStatus(state, Optional.empty());
    }
}
