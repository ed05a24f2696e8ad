package fi.sd.platform.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A state machine as one explicit table: for each state, the commands allowed in it and the
 * state each leads to. Anything not in the table is refused ({@link CommandRefusedException}, a
 * 409 on the API). Build it once, as a constant next to the aggregate, so that the whole lifecycle
 * reads in one place and a test can walk every state and every command.
 */
public final class TransitionTable<S extends Enum<S>, C extends Enum<C>> {

    private final Class<S> stateType;
    private final Class<C> commandType;
    private final Map<S, Map<C, S>> transitions;

    private TransitionTable(Class<S> stateType, Class<C> commandType, Map<S, Map<C, S>> transitions) {
        this.stateType = stateType;
        this.commandType = commandType;
        this.transitions = transitions;
    }

    public static <S extends Enum<S>, C extends Enum<C>> Builder<S, C> of(Class<S> stateType, Class<C> commandType) {
        return new Builder<>(stateType, commandType);
    }

    /** The state {@code command} leads to from {@code from}, if the table allows it. */
    public Optional<S> next(S from, C command) {
        return Optional.ofNullable(transitions.get(from).get(command));
    }

    /** The state {@code command} leads to from {@code from}; refused by state when the table does not allow it. */
    public S require(S from, C command) {
        return next(from, command).orElseThrow(() -> CommandRefusedException.byState(from, command));
    }

    public boolean allows(S from, C command) {
        return transitions.get(from).containsKey(command);
    }

    /** The commands allowed in {@code state}, in declaration order. */
    public Set<C> allowed(S state) {
        Set<C> allowed = EnumSet.noneOf(commandType);
        allowed.addAll(transitions.get(state).keySet());
        return Collections.unmodifiableSet(allowed);
    }

    /** States with no command leading out of them. */
    public Set<S> finalStates() {
        Set<S> result = EnumSet.noneOf(stateType);
        transitions.forEach((state, out) -> {
            if (out.isEmpty()) {
                result.add(state);
            }
        });
        return result;
    }

    Class<S> stateType() {
        return stateType;
    }

    Class<C> commandType() {
        return commandType;
    }

    /** Collects the allowed transitions; every other (state, command) pair is refused. */
    public static final class Builder<S extends Enum<S>, C extends Enum<C>> {

        private final Class<S> stateType;
        private final Class<C> commandType;
        private final Map<S, Map<C, S>> transitions;

        private Builder(Class<S> stateType, Class<C> commandType) {
            this.stateType = stateType;
            this.commandType = commandType;
            this.transitions = new EnumMap<>(stateType);
            for (S state : stateType.getEnumConstants()) {
                transitions.put(state, new EnumMap<>(commandType));
            }
        }

        public Builder<S, C> allow(S from, C command, S to) {
            S previous = transitions.get(from).put(command, to);
            if (previous != null && previous != to) {
                throw new IllegalStateException(from + " --" + command + "--> both " + previous + " and " + to);
            }
            return this;
        }

        /** The command is allowed in each of {@code from} and leaves the state unchanged. */
        @SafeVarargs
        public final Builder<S, C> allowInPlace(C command, S... from) {
            for (S state : from) {
                allow(state, command, state);
            }
            return this;
        }

        public TransitionTable<S, C> build() {
            Map<S, Map<C, S>> frozen = new EnumMap<>(stateType);
            transitions.forEach((state, out) -> {
                Map<C, S> copy = new EnumMap<>(commandType);
                copy.putAll(out);
                frozen.put(state, Collections.unmodifiableMap(copy));
            });
            return new TransitionTable<>(stateType, commandType, Collections.unmodifiableMap(frozen));
        }
    }
}
