package fi.sd.desktop.api;

import java.time.Instant;

/** One recorded step of an import or export: who did what, in which role, when, and why. */
public record DecisionView(String action, String actor, String role, String comment, Instant decidedAt) {
}
