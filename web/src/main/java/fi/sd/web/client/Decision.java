package fi.sd.web.client;

import java.time.Instant;

/** One step of an import or export: who did what, in which role, when, and why. */
public record Decision(String action, String actor, String role, String comment, Instant decidedAt) {

    public boolean approval() {
        return "approve".equals(action);
    }
}
