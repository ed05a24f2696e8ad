package fi.sd.platform.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may issue which command in which state, as REMS keeps a workflow: one explicit table, role ×
 * state → commands, over a {@link TransitionTable} that says where each command leads. Every grant
 * must be a transition of the lifecycle (the builder refuses one that is not). A caller none of
 * whose roles may ever issue the command is refused with {@link CommandRefusedException.Reason#ROLE}
 * (403); one whose role may, but not in this state, with {@link CommandRefusedException.Reason#STATE}
 * (409). Commands of the lifecycle that no role holds are the service's own.
 *
 * @param <R> the roles a caller may hold on the thing the lifecycle belongs to
 * @param <S> its states
 * @param <C> its commands
 */
public final class PermissionTable<R extends Enum<R>, S extends Enum<S>, C extends Enum<C>> {

    private final TransitionTable<S, C> lifecycle;
    private final String subject;
    private final Map<R, Map<S, Set<C>>> permissions;

    private PermissionTable(TransitionTable<S, C> lifecycle, String subject, Map<R, Map<S, Set<C>>> permissions) {
        this.lifecycle = lifecycle;
        this.subject = subject;
        this.permissions = permissions;
    }

    /**
     * A table over {@code lifecycle}; {@code subject} names what the lifecycle belongs to in the
     * refusal's message ("Your role on this application does not allow 'approve'").
     */
    public static <R extends Enum<R>, S extends Enum<S>, C extends Enum<C>> Builder<R, S, C> of(Class<R> roleType,
            TransitionTable<S, C> lifecycle, String subject) {
        return new Builder<>(roleType, lifecycle, subject);
    }

    public TransitionTable<S, C> lifecycle() {
        return lifecycle;
    }

    /** Role → state → the commands that role may issue there. Everything absent is refused. */
    public Map<R, Map<S, Set<C>>> permissions() {
        return permissions;
    }

    public boolean allows(R role, S state, C command) {
        return permissions.get(role).get(state).contains(command);
    }

    /** The commands one of {@code roles} may issue in {@code state}, in the commands' order: what a client may offer. */
    public Set<C> allowed(Set<R> roles, S state) {
        Set<C> allowed = new TreeSet<>();
        roles.forEach(role -> allowed.addAll(permissions.get(role).get(state)));
        return allowed;
    }

    /** True when the role may issue the command in some state. */
    public boolean mayEverIssue(R role, C command) {
        return permissions.get(role).values().stream().anyMatch(commands -> commands.contains(command));
    }

    /**
     * The state the command leads to when one of {@code roles} may issue it in {@code state};
     * refused by role when none of the roles may ever issue it, by state when this state forbids it.
     */
    public S authorize(Set<R> roles, S state, C command) {
        if (roles.stream().anyMatch(role -> allows(role, state, command))) {
            return lifecycle.require(state, command);
        }
        if (roles.stream().noneMatch(role -> mayEverIssue(role, command))) {
            throw CommandRefusedException.byRole(subject, command);
        }
        throw CommandRefusedException.byState(state, command);
    }

    /** Collects the grants; every other (role, state, command) is refused. */
    public static final class Builder<R extends Enum<R>, S extends Enum<S>, C extends Enum<C>> {

        private final Class<R> roleType;
        private final TransitionTable<S, C> lifecycle;
        private final String subject;
        private final Map<R, Map<S, Set<C>>> cells;

        private Builder(Class<R> roleType, TransitionTable<S, C> lifecycle, String subject) {
            this.roleType = roleType;
            this.lifecycle = lifecycle;
            this.subject = subject;
            this.cells = new EnumMap<>(roleType);
            for (R role : roleType.getEnumConstants()) {
                Map<S, Set<C>> byState = new EnumMap<>(lifecycle.stateType());
                for (S state : lifecycle.stateType().getEnumConstants()) {
                    byState.put(state, EnumSet.noneOf(lifecycle.commandType()));
                }
                cells.put(role, byState);
            }
        }

        /** The role may issue the commands in each of the states; each must be a transition of the lifecycle. */
        @SafeVarargs
        public final Builder<R, S, C> grant(R role, Set<S> states, C... commands) {
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

        public PermissionTable<R, S, C> build() {
            Map<R, Map<S, Set<C>>> frozen = new EnumMap<>(roleType);
            cells.forEach((role, byState) -> {
                Map<S, Set<C>> states = new EnumMap<>(lifecycle.stateType());
                byState.forEach((state, commands) -> {
                    Set<C> copy = EnumSet.noneOf(lifecycle.commandType());
                    copy.addAll(commands);
                    states.put(state, Collections.unmodifiableSet(copy));
                });
                frozen.put(role, Collections.unmodifiableMap(states));
            });
            return new PermissionTable<>(lifecycle, subject, Collections.unmodifiableMap(frozen));
        }
    }
}
