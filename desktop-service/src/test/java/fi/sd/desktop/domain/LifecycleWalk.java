package fi.sd.desktop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import fi.sd.platform.domain.TransitionTable;
import fi.sd.platform.domain.CommandRefusedException;
import fi.sd.platform.domain.CommandRefusedException.Reason;

/**
 * Walks an entity's lifecycle cell by cell, every state × every command, against the expected table the
 * test writes out in full (a missing entry means "refused").
 */
final class LifecycleWalk {

    private LifecycleWalk() {
    }

    /** A fresh entity put in one state for one cell of the walk: how to give it a command, and where it then stands. */
    record Subject<S, C>(Consumer<C> apply, Supplier<S> state) {
    }

    /**
     * For every state and command: the table leads where {@code expected} says, and the entity {@code inState}
     * gives moves there; or the table has no such transition, and the entity refuses the command (by state: 409) and
     * stays where it was. Returns how many cells allow their command.
     */
    static <S extends Enum<S>, C extends Enum<C>> int walk(TransitionTable<S, C> table, Class<S> states, Class<C> commands,
            Map<S, Map<C, S>> expected, Function<S, Subject<S, C>> inState) {
        int allowed = 0;
        for (S state : states.getEnumConstants()) {
            for (C command : commands.getEnumConstants()) {
                Optional<S> next = Optional.ofNullable(expected.getOrDefault(state, Map.of()).get(command));
                String cell = state + " --" + command + "-->";
                assertThat(table.next(state, command)).as(cell).isEqualTo(next);
                Subject<S, C> subject = inState.apply(state);
                if (next.isPresent()) {
                    subject.apply().accept(command);
                    assertThat(subject.state().get()).as(cell).isEqualTo(next.get());
                    allowed++;
                } else {
                    assertThatThrownBy(() -> subject.apply().accept(command)).as(cell)
                            .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STATE));
                    assertThat(subject.state().get()).as(cell).isEqualTo(state);
                }
            }
        }
        return allowed;
    }
}
