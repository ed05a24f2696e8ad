package fi.sd.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransitionTableTest {

    enum Light { RED, GREEN, BROKEN }

    enum Switch { GO, STOP, SMASH, INSPECT }

    private static final TransitionTable<Light, Switch> TABLE = TransitionTable.of(Light.class, Switch.class)
            .allow(Light.RED, Switch.GO, Light.GREEN)
            .allow(Light.GREEN, Switch.STOP, Light.RED)
            .allow(Light.RED, Switch.SMASH, Light.BROKEN)
            .allow(Light.GREEN, Switch.SMASH, Light.BROKEN)
            .allowInPlace(Switch.INSPECT, Light.RED, Light.GREEN)
            .build();

    @Test
    void everyStateAndCommandIsEitherAllowedWithItsTargetOrRefusedByState() {
        for (Light state : Light.values()) {
            for (Switch command : Switch.values()) {
                if (TABLE.allows(state, command)) {
                    assertThat(TABLE.require(state, command)).isEqualTo(TABLE.next(state, command).orElseThrow());
                } else {
                    assertThat(TABLE.next(state, command)).isEmpty();
                    assertThatThrownBy(() -> TABLE.require(state, command))
                            .isInstanceOfSatisfying(CommandRefusedException.class,
                                    e -> assertThat(e.reason()).isEqualTo(CommandRefusedException.Reason.STATE));
                }
            }
        }
    }

    @Test
    void answersWhatIsAllowedWhereAndWhichStatesAreFinal() {
        assertThat(TABLE.require(Light.RED, Switch.GO)).isEqualTo(Light.GREEN);
        assertThat(TABLE.require(Light.GREEN, Switch.INSPECT)).isEqualTo(Light.GREEN);
        assertThat(TABLE.allowed(Light.RED)).containsExactly(Switch.GO, Switch.SMASH, Switch.INSPECT);
        assertThat(TABLE.allowed(Light.BROKEN)).isEmpty();
        assertThat(TABLE.finalStates()).containsExactly(Light.BROKEN);
        assertThatThrownBy(() -> TABLE.require(Light.BROKEN, Switch.GO)).hasMessageContaining("'go' is not allowed while broken");
    }

    @Test
    void aPairCannotLeadToTwoStates() {
        assertThatThrownBy(() -> TransitionTable.of(Light.class, Switch.class)
                .allow(Light.RED, Switch.GO, Light.GREEN)
                .allow(Light.RED, Switch.GO, Light.BROKEN))
                .isInstanceOf(IllegalStateException.class);
    }
}
