package fi.sd.desktop.api;

import jakarta.validation.constraints.Size;

/** The optional body of an import or export command: the decider's comment (required to reject). */
public record DecisionRequest(@Size(max = 4000) String comment) {
}
