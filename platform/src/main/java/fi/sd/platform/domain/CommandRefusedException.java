package fi.sd.platform.domain;

/**
 * A command the rules of a lifecycle refuse: the state does not allow it, or none of the caller's
 * roles may issue it. Thrown by {@link TransitionTable} and {@link PermissionTable}, so that the
 * domain needs no HTTP types; the platform's exception mapper answers it as a 409 or a 403 problem.
 */
public final class CommandRefusedException extends RuntimeException {

    /** Why the command was refused. */
    public enum Reason {
        /** Allowed in some state, not in this one (409 on the API). */
        STATE,
        /** None of the caller's roles may ever issue it (403 on the API). */
        ROLE
    }

    private final Reason reason;

    private CommandRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    static CommandRefusedException byState(Enum<?> state, Enum<?> command) {
        return new CommandRefusedException(Reason.STATE, "'" + label(command) + "' is not allowed while " + label(state));
    }

    static CommandRefusedException byRole(String subject, Enum<?> command) {
        return new CommandRefusedException(Reason.ROLE, "Your role on this " + subject + " does not allow '" + label(command) + "'");
    }

    public Reason reason() {
        return reason;
    }

    /** A constant as the API writes it: {@code ACCEPT_TERMS} is {@code accept-terms}. */
    static String label(Enum<?> value) {
        return value.name().toLowerCase().replace('_', '-');
    }
}
