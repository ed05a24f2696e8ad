package fi.sd.desktop.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import fi.sd.platform.domain.TransitionTable;
import fi.sd.platform.rest.ProblemException;

/**
 * An airlock request's workflow as two explicit tables, as REMS keeps it: where each command
 * leads ({@link #lifecycle()}) and which {@link AirlockRole} may issue which command in which
 * state ({@link #permissions()}). A caller with no role that may ever issue the command is
 * refused with 403; one whose role may, but not in this state, with 409. Commands in the
 * lifecycle that no role holds are the service's own (a lock cancels what is pending).
 */
public final class AirlockRules<S extends Enum<S>, C extends Enum<C>> {

    private final TransitionTable<S, C> lifecycle;
    private final Map<AirlockRole, Map<S, Set<C>>> permissions;

    private AirlockRules(TransitionTable<S, C> lifecycle, Map<AirlockRole, Map<S, Set<C>>> permissions) {
        this.lifecycle = lifecycle;
        this.permissions = permissions;
    }

    public static <S extends Enum<S>, C extends Enum<C>> Builder<S, C> of(TransitionTable<S, C> lifecycle, Class<S> stateType,
            Class<C> commandType) {
        return new Builder<>(lifecycle, stateType, commandType);
    }

    public TransitionTable<S, C> lifecycle() {
        return lifecycle;
    }

    /** Role → state → the commands that role may issue there. Everything absent is refused. */
    public Map<AirlockRole, Map<S, Set<C>>> permissions() {
        return permissions;
    }

    public boolean allows(AirlockRole role, S state, C command) {
        return permissions.get(role).get(state).contains(command);
    }

    /** True when the role may issue the command in some state. */
    public boolean mayEverIssue(AirlockRole role, C command) {
        return permissions.get(role).values().stream().anyMatch(commands -> commands.contains(command));
    }

    /**
     * The state the command leads to when one of {@code roles} may issue it in {@code state};
     * 403 when none of the roles may ever issue it, 409 when the state forbids it.
     */
    public S authorize(Set<AirlockRole> roles, S state, C command) {
        if (roles.stream().anyMatch(role -> allows(role, state, command))) {
            return lifecycle.require(state, command);
        }
        if (roles.stream().noneMatch(role -> mayEverIssue(role, command))) {
            throw ProblemException.forbidden("Your role on this request does not allow '" + label(command) + "'");
        }
        throw ProblemException.conflict("'" + label(command) + "' is not allowed while " + label(state));
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase().replace('_', '-');
    }

    /** Collects the grants; every other (role, state, command) is refused. */
    public static final class Builder<S extends Enum<S>, C extends Enum<C>> {

        private final TransitionTable<S, C> lifecycle;
        private final Class<C> commandType;
        private final Map<AirlockRole, Map<S, Set<C>>> cells = new EnumMap<>(AirlockRole.class);

        private Builder(TransitionTable<S, C> lifecycle, Class<S> stateType, Class<C> commandType) {
            this.lifecycle = lifecycle;
            this.commandType = commandType;
            for (AirlockRole role : AirlockRole.values()) {
                Map<S, Set<C>> byState = new EnumMap<>(stateType);
                for (S state : stateType.getEnumConstants()) {
                    byState.put(state, EnumSet.noneOf(commandType));
                }
                cells.put(role, byState);
            }
        }

        /** The role may issue the commands in each of the states; each must be a transition of the lifecycle. */
        @SafeVarargs
        public final Builder<S, C> grant(AirlockRole role, Set<S> states, C... commands) {
            for (S state : states) {
                for (C command : commands) {
                    if (!lifecycle.allows(state, command)) {
                        throw new IllegalStateException(role + " granted " + command + " in " + state + ", which the lifecycle refuses");
                    }
                    cells.get(role).get(state).add(command);
                }
            }
            return this;
        }

        public AirlockRules<S, C> build() {
            Map<AirlockRole, Map<S, Set<C>>> frozen = new EnumMap<>(AirlockRole.class);
            cells.forEach((role, byState) -> {
                Map<S, Set<C>> states = new EnumMap<>(byState);
                states.replaceAll((state, commands) -> {
                    Set<C> copy = EnumSet.noneOf(commandType);
                    copy.addAll(commands);
                    return Collections.unmodifiableSet(copy);
                });
                frozen.put(role, Collections.unmodifiableMap(states));
            });
            return new AirlockRules<>(lifecycle, Collections.unmodifiableMap(frozen));
        }
    }
}
