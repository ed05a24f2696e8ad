package fi.sd.desktop.domain;

import static fi.sd.desktop.domain.ExportCommand.APPROVE;
import static fi.sd.desktop.domain.ExportCommand.CANCEL;
import static fi.sd.desktop.domain.ExportCommand.FAIL;
import static fi.sd.desktop.domain.ExportCommand.REJECT;
import static fi.sd.desktop.domain.ExportCommand.RELEASE;
import static fi.sd.desktop.domain.ExportCommand.SUBMIT;
import static fi.sd.desktop.domain.ExportStatus.APPROVED;
import static fi.sd.desktop.domain.ExportStatus.CANCELLED;
import static fi.sd.desktop.domain.ExportStatus.COPYING;
import static fi.sd.desktop.domain.ExportStatus.COPY_FAILED;
import static fi.sd.desktop.domain.ExportStatus.IN_REVIEW;
import static fi.sd.desktop.domain.ExportStatus.REJECTED;
import static fi.sd.desktop.domain.ExportStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fi.sd.events.desktop.RiskLevel;
import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** Walks the export lifecycle and who may do what in it, cell by cell, and the approvals each risk level needs. */
class ExportRulesTest {

    private static final Map<ExportStatus, Map<ExportCommand, ExportStatus>> LIFECYCLE = Map.of(
            COPYING, Map.of(SUBMIT, SUBMITTED, FAIL, COPY_FAILED, CANCEL, CANCELLED),
            SUBMITTED, Map.of(APPROVE, IN_REVIEW, REJECT, REJECTED, CANCEL, CANCELLED),
            IN_REVIEW, Map.of(APPROVE, IN_REVIEW, RELEASE, APPROVED, REJECT, REJECTED, CANCEL, CANCELLED));

    private static final Map<AirlockRole, Map<ExportStatus, String>> PERMISSIONS = Map.of(
            AirlockRole.REQUESTER, Map.of(COPYING, "cancel", SUBMITTED, "cancel", IN_REVIEW, "cancel"),
            AirlockRole.SERVICE_DESK, Map.of(SUBMITTED, "approve reject", IN_REVIEW, "approve reject"),
            AirlockRole.PERMIT_AUTHORITY, Map.of(SUBMITTED, "approve reject", IN_REVIEW, "approve reject"));

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void everyStatusAndCommandLeadsWhereTheTableSays() {
        int allowed = LifecycleWalk.walk(AirlockExport.LIFECYCLE, ExportStatus.class, ExportCommand.class, LIFECYCLE, status -> {
            AirlockExport export = export(RiskLevel.LOW);
            export.status = status;
            return new LifecycleWalk.Subject<>(command -> export.apply(command, AirlockDecision.of(command, "desk.dan", "service-desk",
                    null, AT)), () -> export.status);
        });
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void everyRoleStatusAndCommandIsAllowedOrRefusedWith403Or409() {
        int allowed = AirlockTables.walkPermissions(AirlockExport.RULES, ExportStatus.class, ExportCommand.class, PERMISSIONS,
                name -> ExportCommand.fromPath(name).orElseThrow());
        assertThat(allowed).isEqualTo(11);
    }

    @Test
    void approvedRejectedCancelledAndCopyFailedAreFinalAndNoCallerTakesTheServicesSteps() {
        assertThat(AirlockExport.LIFECYCLE.finalStates()).containsExactlyInAnyOrder(APPROVED, REJECTED, CANCELLED, COPY_FAILED);
        assertThat(ExportCommand.fromPath("release")).isEmpty();
        assertThat(ExportCommand.fromPath("submit")).isEmpty();
        assertThat(ExportCommand.fromPath("fail")).isEmpty();
        assertThat(ExportCommand.fromPath("cancel")).contains(CANCEL);
        assertThat(ExportCommand.fromPath("approve")).contains(APPROVE);
    }

    @Test
    void aLowRiskExportNeedsTheServiceDeskAndAHighRiskOneThePermitAuthorityToo() {
        AirlockExport low = export(RiskLevel.LOW);
        assertThat(low.missingApprovals()).containsExactly(AirlockRole.SERVICE_DESK);
        low.apply(APPROVE, AirlockDecision.of(APPROVE, "desk.dan", "service-desk", null, AT));
        assertThat(low.missingApprovals()).isEmpty();
        low.release();
        assertThat(low.status).isEqualTo(APPROVED);

        AirlockExport high = export(RiskLevel.HIGH);
        high.apply(APPROVE, AirlockDecision.of(APPROVE, "pa.paula", "permit-authority", null, AT));
        assertThat(high.status).isEqualTo(IN_REVIEW);
        assertThat(high.missingApprovals()).containsExactly(AirlockRole.SERVICE_DESK);
        assertThat(high.approvedBy("pa.paula")).isTrue();
        assertThat(high.approvedBy("desk.dan")).isFalse();
    }

    @Test
    void aCopiedExportAwaitsReviewAndAFailedCopyKeepsItsReasonAndDiscardsItsFiles() {
        AirlockExport copied = export(RiskLevel.LOW);
        copied.status = COPYING;
        copied.copyError = "the provider could not be reached";
        copied.submit();
        assertThat(copied.status).isEqualTo(SUBMITTED);
        assertThat(copied.copyError).isNull();
        assertThat(copied.discarded()).isFalse();

        AirlockExport failed = export(RiskLevel.LOW);
        failed.status = COPYING;
        failed.failCopy("/export/a.csv does not exist in the export folder");
        assertThat(failed.status).isEqualTo(COPY_FAILED);
        assertThat(failed.copyError).isEqualTo("/export/a.csv does not exist in the export folder");
        assertThat(failed.discarded()).isTrue();
        assertThat(AirlockExport.PENDING).contains(COPYING);
    }

    @Test
    void theRequesterHoldsNoReviewerRoleWhateverTheirToken() {
        Caller both = new Caller("aino", Set.of(Role.SERVICE_DESK, Role.PERMIT_AUTHORITY), Optional.empty(), true);
        assertThat(AirlockRole.of(both, "aino")).containsExactly(AirlockRole.REQUESTER);
        assertThat(AirlockRole.reviewsOwnRequest(both, "aino")).isTrue();
        assertThat(AirlockRole.of(both, "mikko")).containsExactlyInAnyOrder(AirlockRole.SERVICE_DESK, AirlockRole.PERMIT_AUTHORITY);
        assertThat(AirlockRole.reviewsOwnRequest(both, "mikko")).isFalse();
    }

    private static AirlockExport export(RiskLevel risk) {
        AirlockExport export = new AirlockExport();
        export.status = SUBMITTED;
        export.riskLevel = risk;
        return export;
    }
}
