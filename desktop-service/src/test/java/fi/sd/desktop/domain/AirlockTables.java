package fi.sd.desktop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import fi.sd.platform.domain.CommandRefusedException;
import fi.sd.platform.domain.CommandRefusedException.Reason;
import fi.sd.platform.domain.PermissionTable;

/** Walks an airlock request's permissions cell by cell against the expected table written out in the tests. */
final class AirlockTables {

    private AirlockTables() {
    }

    /**
     * Every role × state × command: allowed where {@code expected} lists it (space-separated API
     * names); else refused by state (409) when the role may issue the command in some other state,
     * by role (403) when never.
     */
    static <S extends Enum<S>, C extends Enum<C>> int walkPermissions(PermissionTable<AirlockRole, S, C> rules, Class<S> states,
            Class<C> commands, Map<AirlockRole, Map<S, String>> expected, Function<String, C> byName) {
        int allowed = 0;
        for (AirlockRole role : AirlockRole.values()) {
            Set<C> ever = EnumSet.noneOf(commands);
            for (S state : states.getEnumConstants()) {
                ever.addAll(parse(expected, role, state, commands, byName));
            }
            for (S state : states.getEnumConstants()) {
                Set<C> here = parse(expected, role, state, commands, byName);
                for (C command : commands.getEnumConstants()) {
                    String cell = role + " " + state + " " + command;
                    assertThat(rules.allows(role, state, command)).as(cell).isEqualTo(here.contains(command));
                    if (here.contains(command)) {
                        assertThat(rules.authorize(Set.of(role), state, command)).as(cell)
                                .isEqualTo(rules.lifecycle().require(state, command));
                        allowed++;
                    } else {
                        Reason reason = ever.contains(command) ? Reason.STATE : Reason.ROLE;
                        assertThatThrownBy(() -> rules.authorize(Set.of(role), state, command)).as(cell)
                                .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
                    }
                }
            }
        }
        for (S state : states.getEnumConstants()) {
            for (C command : commands.getEnumConstants()) {
                assertThatThrownBy(() -> rules.authorize(Set.of(), state, command)).as("no role " + state + " " + command)
                        .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROLE));
            }
        }
        return allowed;
    }

    private static <S extends Enum<S>, C extends Enum<C>> Set<C> parse(Map<AirlockRole, Map<S, String>> expected, AirlockRole role,
            S state, Class<C> commands, Function<String, C> byName) {
        Set<C> result = EnumSet.noneOf(commands);
        for (String name : expected.getOrDefault(role, Map.of()).getOrDefault(state, "").split(" ")) {
            if (!name.isEmpty()) {
                result.add(byName.apply(name));
            }
        }
        return result;
    }
}
