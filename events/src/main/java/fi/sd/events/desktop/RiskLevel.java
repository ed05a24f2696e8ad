package fi.sd.events.desktop;

/** The requester's assessment of re-identification risk in an export. */
public enum RiskLevel {
    LOW,
    HIGH
}
