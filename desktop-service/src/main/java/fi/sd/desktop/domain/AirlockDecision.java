package fi.sd.desktop.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One step of an airlock request's history: who did what, in which role, when, and why. */
@Embeddable
public class AirlockDecision {

    /** The command, as the API names it ({@code approve}, {@code reject}, ...). */
    @Column(nullable = false, length = 20)
    public String action;

    @Column(nullable = false, length = 200)
    public String actor;

    /** {@code service-desk}, {@code permit-authority}, {@code requester}; {@code system} for a lock. */
    @Column(name = "actor_role", nullable = false, length = 40)
    public String role;

    @Column(name = "comment_text", length = 4000)
    public String comment;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public static AirlockDecision of(Enum<?> command, String actor, String role, String comment, Instant at) {
        AirlockDecision decision = new AirlockDecision();
        decision.action = command.name().toLowerCase();
        decision.actor = actor;
        decision.role = role;
        decision.comment = comment;
        decision.decidedAt = at;
        return decision;
    }
}
