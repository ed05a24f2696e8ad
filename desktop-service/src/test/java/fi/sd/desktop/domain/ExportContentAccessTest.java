package fi.sd.desktop.domain;

import static fi.sd.desktop.domain.ExportContentAccess.DOWNLOAD;
import static fi.sd.desktop.domain.ExportContentAccess.REVIEW_READ;
import static fi.sd.desktop.domain.ExportContentAccess.Verdict.DELETED;
import static fi.sd.desktop.domain.ExportContentAccess.Verdict.GRANTED;
import static fi.sd.desktop.domain.ExportContentAccess.Verdict.NOT_NOW;
import static fi.sd.desktop.domain.ExportContentAccess.Verdict.NOT_YOUR_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Who gets an export's bytes when, cell by cell: every role (and none: a member who is not the requester, an
 * auditor) × every state × every access, against the table written out here.
 */
class ExportContentAccessTest {

    /** Status → {review read, download} for each role; "-" for a role without the access at all. */
    private static final Map<AirlockRole, Map<ExportStatus, String>> EXPECTED = Map.of(
            AirlockRole.REQUESTER, Map.of(
                    ExportStatus.COPYING, "NOT_YOUR_ROLE NOT_NOW",
                    ExportStatus.COPY_FAILED, "DELETED DELETED",
                    ExportStatus.SUBMITTED, "NOT_YOUR_ROLE NOT_NOW",
                    ExportStatus.IN_REVIEW, "NOT_YOUR_ROLE NOT_NOW",
                    ExportStatus.APPROVED, "NOT_YOUR_ROLE GRANTED",
                    ExportStatus.REJECTED, "DELETED DELETED",
                    ExportStatus.CANCELLED, "DELETED DELETED"),
            AirlockRole.SERVICE_DESK, reviewer(),
            AirlockRole.PERMIT_AUTHORITY, reviewer());

    private static Map<ExportStatus, String> reviewer() {
        return Map.of(
                ExportStatus.COPYING, "NOT_NOW NOT_YOUR_ROLE",
                ExportStatus.COPY_FAILED, "DELETED DELETED",
                ExportStatus.SUBMITTED, "GRANTED NOT_YOUR_ROLE",
                ExportStatus.IN_REVIEW, "GRANTED NOT_YOUR_ROLE",
                ExportStatus.APPROVED, "GRANTED NOT_YOUR_ROLE",
                ExportStatus.REJECTED, "DELETED DELETED",
                ExportStatus.CANCELLED, "DELETED DELETED");
    }

    @Test
    void everyRoleStateAndAccessIsGrantedOrRefusedAsTheTableSays() {
        int cells = 0;
        for (AirlockRole role : AirlockRole.values()) {
            for (ExportStatus status : ExportStatus.values()) {
                String[] expected = EXPECTED.get(role).get(status).split(" ");
                assertThat(REVIEW_READ.judge(Set.of(role), status).name()).as(role + " reads in " + status).isEqualTo(expected[0]);
                assertThat(DOWNLOAD.judge(Set.of(role), status).name()).as(role + " downloads in " + status).isEqualTo(expected[1]);
                cells += 2;
            }
        }
        assertThat(cells).isEqualTo(AirlockRole.values().length * ExportStatus.values().length * ExportContentAccess.values().length);
    }

    @Test
    void someoneWithNoRoleOnTheExportNeverGetsItsBytes() {
        for (ExportStatus status : ExportStatus.values()) {
            boolean deleted = status == ExportStatus.REJECTED || status == ExportStatus.CANCELLED || status == ExportStatus.COPY_FAILED;
            assertThat(REVIEW_READ.judge(Set.of(), status)).isEqualTo(deleted ? DELETED : NOT_YOUR_ROLE);
            assertThat(DOWNLOAD.judge(Set.of(), status)).isEqualTo(deleted ? DELETED : NOT_YOUR_ROLE);
        }
    }

    @Test
    void aReviewerWithBothRolesReadsAndNeverDownloads() {
        Set<AirlockRole> both = EnumSet.of(AirlockRole.SERVICE_DESK, AirlockRole.PERMIT_AUTHORITY);
        assertThat(REVIEW_READ.judge(both, ExportStatus.IN_REVIEW)).isEqualTo(GRANTED);
        assertThat(DOWNLOAD.judge(both, ExportStatus.APPROVED)).isEqualTo(NOT_YOUR_ROLE);
        assertThat(DOWNLOAD.judge(Set.of(AirlockRole.REQUESTER), ExportStatus.SUBMITTED)).isEqualTo(NOT_NOW);
    }
}
