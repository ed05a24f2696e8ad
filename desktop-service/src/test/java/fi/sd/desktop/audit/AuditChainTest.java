package fi.sd.desktop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:15:30.123456Z");

    @Test
    void aChangeToAnyFieldChangesTheHash() {
        String original = AuditChain.hash(7, AT, "ws-1", "aino", "session.opened", "desktop d-1", AuditChain.GENESIS);
        List<String> altered = List.of(
                AuditChain.hash(8, AT, "ws-1", "aino", "session.opened", "desktop d-1", AuditChain.GENESIS),
                AuditChain.hash(7, AT.plusNanos(1000), "ws-1", "aino", "session.opened", "desktop d-1", AuditChain.GENESIS),
                AuditChain.hash(7, AT, "ws-2", "aino", "session.opened", "desktop d-1", AuditChain.GENESIS),
                AuditChain.hash(7, AT, null, "aino", "session.opened", "desktop d-1", AuditChain.GENESIS),
                AuditChain.hash(7, AT, "ws-1", "mikko", "session.opened", "desktop d-1", AuditChain.GENESIS),
                AuditChain.hash(7, AT, "ws-1", "aino", "session.closed", "desktop d-1", AuditChain.GENESIS),
                AuditChain.hash(7, AT, "ws-1", "aino", "session.opened", "desktop d-2", AuditChain.GENESIS),
                AuditChain.hash(7, AT, "ws-1", "aino", "session.opened", "desktop d-1", "1".repeat(64)));
        assertThat(altered).doesNotContain(original).doesNotHaveDuplicates();
        assertThat(original).matches("[0-9a-f]{64}")
                .isEqualTo(AuditChain.hash(7, AT, "ws-1", "aino", "session.opened", "desktop d-1", AuditChain.GENESIS));
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeTheSameHash() {
        Set<String> hashes = List.of(
                AuditChain.hash(1, AT, "ws", "ab", "c", "d", AuditChain.GENESIS),
                AuditChain.hash(1, AT, "ws", "a", "bc", "d", AuditChain.GENESIS),
                AuditChain.hash(1, AT, "ws", "a|", "c", "d", AuditChain.GENESIS),
                AuditChain.hash(1, AT, "ws", "a", "|c", "d", AuditChain.GENESIS)).stream().collect(Collectors.toSet());
        assertThat(hashes).hasSize(4);
    }
}
