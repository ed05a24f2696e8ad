package fi.sd.desktop.domain;

/** A provider command waits until a runner has carried it out, or has given up on it. */
public enum ProviderCommandStatus {
    PENDING,
    DONE,
    FAILED
}
