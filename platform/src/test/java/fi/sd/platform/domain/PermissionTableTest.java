package fi.sd.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fi.sd.platform.domain.CommandRefusedException.Reason;

class PermissionTableTest {

    enum Door { OPEN, CLOSED, LOCKED }

    enum Act { SHUT, OPEN_UP, LOCK, UNLOCK, FORCE }

    enum Person { RESIDENT, GUEST, LOCKSMITH }

    private static final TransitionTable<Door, Act> LIFECYCLE = TransitionTable.of(Door.class, Act.class)
            .allow(Door.OPEN, Act.SHUT, Door.CLOSED)
            .allow(Door.CLOSED, Act.OPEN_UP, Door.OPEN)
            .allow(Door.CLOSED, Act.LOCK, Door.LOCKED)
            .allow(Door.LOCKED, Act.UNLOCK, Door.CLOSED)
            .allow(Door.LOCKED, Act.FORCE, Door.OPEN)
            .build();

    private static final PermissionTable<Person, Door, Act> RULES = PermissionTable.of(Person.class, LIFECYCLE, "door")
            .grant(Person.RESIDENT, EnumSet.of(Door.OPEN), Act.SHUT)
            .grant(Person.RESIDENT, EnumSet.of(Door.CLOSED), Act.OPEN_UP, Act.LOCK)
            .grant(Person.RESIDENT, EnumSet.of(Door.LOCKED), Act.UNLOCK)
            .grant(Person.GUEST, EnumSet.of(Door.OPEN), Act.SHUT)
            .grant(Person.LOCKSMITH, EnumSet.of(Door.LOCKED), Act.FORCE)
            .build();

    @Test
    void aGrantedCommandLeadsWhereTheLifecycleSays() {
        assertThat(RULES.authorize(Set.of(Person.RESIDENT), Door.CLOSED, Act.LOCK)).isEqualTo(Door.LOCKED);
        assertThat(RULES.authorize(Set.of(Person.LOCKSMITH), Door.LOCKED, Act.FORCE)).isEqualTo(Door.OPEN);
        assertThat(RULES.allows(Person.GUEST, Door.OPEN, Act.SHUT)).isTrue();
        assertThat(RULES.allows(Person.GUEST, Door.CLOSED, Act.SHUT)).isFalse();
    }

    @Test
    void aRoleThatMayNeverIssueTheCommandIsRefusedByRoleAndOneThatMayElsewhereByState() {
        assertThatThrownBy(() -> RULES.authorize(Set.of(Person.GUEST), Door.LOCKED, Act.FORCE))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROLE))
                .hasMessage("Your role on this door does not allow 'force'");
        assertThatThrownBy(() -> RULES.authorize(Set.of(Person.GUEST), Door.CLOSED, Act.SHUT))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STATE))
                .hasMessage("'shut' is not allowed while closed");
        assertThatThrownBy(() -> RULES.authorize(Set.of(Person.RESIDENT), Door.LOCKED, Act.OPEN_UP))
                .hasMessage("'open-up' is not allowed while locked");
        assertThatThrownBy(() -> RULES.authorize(Set.of(), Door.OPEN, Act.SHUT))
                .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROLE));
    }

    @Test
    void severalRolesMayDoWhatAnyOfThemMay() {
        assertThat(RULES.authorize(Set.of(Person.GUEST, Person.LOCKSMITH), Door.LOCKED, Act.FORCE)).isEqualTo(Door.OPEN);
        assertThat(RULES.mayEverIssue(Person.GUEST, Act.SHUT)).isTrue();
        assertThat(RULES.mayEverIssue(Person.GUEST, Act.LOCK)).isFalse();
    }

    @Test
    void whatSeveralRolesMayDoInAStateIsWhatAClientOffers() {
        assertThat(RULES.allowed(Set.of(Person.RESIDENT, Person.LOCKSMITH), Door.LOCKED)).containsExactly(Act.UNLOCK, Act.FORCE);
        assertThat(RULES.allowed(Set.of(Person.GUEST), Door.CLOSED)).isEmpty();
        assertThat(RULES.allowed(Set.of(), Door.OPEN)).isEmpty();
    }

    @Test
    void everyCellIsInTheTableAndNoneCanBeChanged() {
        assertThat(RULES.permissions()).containsOnlyKeys(Person.values());
        RULES.permissions().values().forEach(byState -> assertThat(byState).containsOnlyKeys(Door.values()));
        assertThat(RULES.permissions().get(Person.RESIDENT).get(Door.OPEN)).containsExactlyInAnyOrder(Act.SHUT);
        assertThatThrownBy(() -> RULES.permissions().get(Person.GUEST).get(Door.OPEN).add(Act.FORCE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(RULES.lifecycle()).isSameAs(LIFECYCLE);
    }

    @Test
    void aGrantTheLifecycleRefusesIsABugFoundWhenTheTableIsBuilt() {
        assertThatThrownBy(() -> PermissionTable.of(Person.class, LIFECYCLE, "door").grant(Person.GUEST, EnumSet.of(Door.OPEN), Act.LOCK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("GUEST granted LOCK in OPEN");
    }
}
