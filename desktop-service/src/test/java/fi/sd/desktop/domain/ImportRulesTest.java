package fi.sd.desktop.domain;

import static fi.sd.desktop.domain.ImportCommand.APPROVE;
import static fi.sd.desktop.domain.ImportCommand.CANCEL;
import static fi.sd.desktop.domain.ImportCommand.COMPLETE;
import static fi.sd.desktop.domain.ImportCommand.FAIL;
import static fi.sd.desktop.domain.ImportCommand.REJECT;
import static fi.sd.desktop.domain.ImportStatus.APPROVED;
import static fi.sd.desktop.domain.ImportStatus.CANCELLED;
import static fi.sd.desktop.domain.ImportStatus.COMPLETED;
import static fi.sd.desktop.domain.ImportStatus.FAILED;
import static fi.sd.desktop.domain.ImportStatus.REJECTED;
import static fi.sd.desktop.domain.ImportStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Walks the import lifecycle and who may do what in it, cell by cell. */
class ImportRulesTest {

    private static final Map<ImportStatus, Map<ImportCommand, ImportStatus>> LIFECYCLE = Map.of(
            SUBMITTED, Map.of(APPROVE, APPROVED, REJECT, REJECTED, CANCEL, CANCELLED),
            APPROVED, Map.of(COMPLETE, COMPLETED, FAIL, FAILED, CANCEL, CANCELLED));

    private static final Map<AirlockRole, Map<ImportStatus, String>> PERMISSIONS = Map.of(
            AirlockRole.REQUESTER, Map.of(SUBMITTED, "cancel"),
            AirlockRole.SERVICE_DESK, Map.of(SUBMITTED, "approve reject", APPROVED, "complete fail"));

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void everyStatusAndCommandLeadsWhereTheTableSays() {
        int allowed = LifecycleWalk.walk(AirlockImport.LIFECYCLE, ImportStatus.class, ImportCommand.class, LIFECYCLE, status -> {
            AirlockImport request = new AirlockImport();
            request.status = status;
            return new LifecycleWalk.Subject<>(command -> request.apply(command, AirlockDecision.of(command, "desk.dan",
                    "service-desk", null, AT)), () -> request.status);
        });
        assertThat(allowed).isEqualTo(6);
    }

    @Test
    void everyRoleStatusAndCommandIsAllowedOrRefusedWith403Or409() {
        int allowed = AirlockTables.walkPermissions(AirlockImport.RULES, ImportStatus.class, ImportCommand.class, PERMISSIONS,
                name -> ImportCommand.fromPath(name).orElseThrow());
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void onlyDecidedImportsAreFinalAndOnlyALockCancelsAnApprovedOne() {
        assertThat(AirlockImport.LIFECYCLE.finalStates()).containsExactlyInAnyOrder(REJECTED, COMPLETED, FAILED, CANCELLED);
        assertThat(AirlockImport.PENDING).allSatisfy(s -> assertThat(AirlockImport.LIFECYCLE.allows(s, CANCEL)).isTrue());
        assertThat(AirlockImport.RULES.allows(AirlockRole.REQUESTER, APPROVED, CANCEL)).isFalse();
    }

    @Test
    void eachStepIsRecordedWithItsActorRoleAndComment() {
        AirlockImport request = new AirlockImport();
        request.status = SUBMITTED;
        request.apply(APPROVE, AirlockDecision.of(APPROVE, "desk.dan", "service-desk", "Compatible", AT));
        assertThat(request.status).isEqualTo(APPROVED);
        assertThat(request.updatedAt).isEqualTo(AT);
        assertThat(request.decisions).singleElement().satisfies(d -> {
            assertThat(d.action).isEqualTo("approve");
            assertThat(d.actor).isEqualTo("desk.dan");
            assertThat(d.role).isEqualTo("service-desk");
            assertThat(d.comment).isEqualTo("Compatible");
        });
    }

    @Test
    void commandsAreAddressedByTheirApiNames() {
        assertThat(ImportCommand.fromPath("complete")).contains(COMPLETE);
        assertThat(ImportCommand.fromPath("COMPLETE")).isEmpty();
    }
}
