package fi.sd.desktop.provider;

/** The cloud's ids for a server being built and its volume. */
public record ServerRef(String serverId, String volumeId) {
}
