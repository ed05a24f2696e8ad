package fi.sd.permit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fi.sd.platform.domain.CommandRefusedException;
import fi.sd.platform.domain.CommandRefusedException.Reason;

/** Walks the whole permit lifecycle: every status × every command. */
class PermitLifecycleTest {

    /** The expected table, written out in full: a missing entry means "refused". */
    private static final Map<PermitStatus, Map<PermitCommand, PermitStatus>> EXPECTED = new EnumMap<>(Map.of(
            PermitStatus.ACTIVE, new EnumMap<>(Map.of(
                    PermitCommand.AMEND, PermitStatus.ACTIVE,
                    PermitCommand.RELEASE, PermitStatus.ACTIVE,
                    PermitCommand.NOTIFY_EXPIRY, PermitStatus.ACTIVE,
                    PermitCommand.EXPIRE, PermitStatus.EXPIRED,
                    PermitCommand.REVOKE, PermitStatus.REVOKED)),
            PermitStatus.EXPIRED, new EnumMap<>(PermitCommand.class),
            PermitStatus.REVOKED, new EnumMap<>(PermitCommand.class)));

    @Test
    void everyStatusAndCommandLeadsWhereTheTableSaysOrIsRefusedWith409() {
        for (PermitStatus status : PermitStatus.values()) {
            for (PermitCommand command : PermitCommand.values()) {
                Optional<PermitStatus> expected = Optional.ofNullable(EXPECTED.get(status).get(command));
                assertThat(Permit.LIFECYCLE.next(status, command)).as("%s --%s-->", status, command).isEqualTo(expected);
                Permit permit = new Permit();
                permit.status = status;
                if (expected.isPresent()) {
                    permit.apply(command);
                    assertThat(permit.status).as("%s --%s-->", status, command).isEqualTo(expected.get());
                } else {
                    assertThatThrownBy(() -> permit.apply(command)).as("%s --%s-->", status, command)
                            .isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STATE));
                    assertThat(permit.status).isEqualTo(status);
                }
            }
        }
    }

    @Test
    void expiryAndRevocationAreFinal() {
        assertThat(Permit.LIFECYCLE.finalStates()).containsExactlyInAnyOrder(PermitStatus.EXPIRED, PermitStatus.REVOKED);
        assertThat(Permit.LIFECYCLE.allowed(PermitStatus.ACTIVE)).containsExactlyInAnyOrder(PermitCommand.values());
    }
}
