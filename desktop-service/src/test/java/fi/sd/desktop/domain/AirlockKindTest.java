package fi.sd.desktop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fi.sd.platform.security.Caller;
import fi.sd.platform.security.Role;

/** What the two kinds of airlock request share and where they differ: names, readers, the two-person refusal. */
class AirlockKindTest {

    @Test
    void eachKindIsNamedAsTheApiAndTheAuditLogNameIt() {
        assertThat(AirlockKind.of(AirlockImport.class)).isEqualTo(AirlockKind.IMPORT);
        assertThat(AirlockKind.of(AirlockExport.class)).isEqualTo(AirlockKind.EXPORT);
        assertThat(AirlockKind.IMPORT.noun()).isEqualTo("import");
        assertThat(AirlockKind.EXPORT.title()).isEqualTo("Export");
        assertThat(AirlockKind.IMPORT.twoPersonRefusal())
                .isEqualTo("Two-person rule: you requested this import, so another service desk member must decide it");
        assertThat(AirlockKind.EXPORT.twoPersonRefusal())
                .isEqualTo("Two-person rule: you requested this export, so another reviewer must review it");
    }

    @Test
    void membersAndStaffReadBothKindsAndThePermitAuthorityOnlyExports() {
        Workspace workspace = new Workspace();
        workspace.members.add("aino");
        assertThat(AirlockKind.IMPORT.mayRead(workspace, caller("aino", Role.RESEARCHER))).isTrue();
        assertThat(AirlockKind.IMPORT.readsByRole(caller("aino", Role.RESEARCHER))).isFalse();
        for (Role staff : Staff.ROLES) {
            assertThat(AirlockKind.IMPORT.mayRead(workspace, caller("staff", staff))).as(staff.claimValue()).isTrue();
            assertThat(AirlockKind.EXPORT.readsByRole(caller("staff", staff))).as(staff.claimValue()).isTrue();
        }
        assertThat(AirlockKind.IMPORT.mayRead(workspace, caller("paula", Role.PERMIT_AUTHORITY))).isFalse();
        assertThat(AirlockKind.EXPORT.mayRead(workspace, caller("paula", Role.PERMIT_AUTHORITY))).isTrue();
        assertThat(AirlockKind.EXPORT.mayRead(workspace, caller("olli", Role.RESEARCHER, Role.DATA_CONTROLLER))).isFalse();
    }

    @Test
    void bothKindsShareTheVocabularyOfWithdrawalAndRejection() {
        assertThat(ImportCommand.CANCEL.withdraws()).isTrue();
        assertThat(ExportCommand.CANCEL.withdraws()).isTrue();
        assertThat(ImportCommand.REJECT.rejects()).isTrue();
        assertThat(ExportCommand.REJECT.rejects()).isTrue();
        assertThat(ImportCommand.APPROVE.withdraws() || ImportCommand.APPROVE.rejects()).isFalse();
        assertThat(ExportCommand.RELEASE.withdraws() || ExportCommand.RELEASE.rejects()).isFalse();
        assertThat(ImportCommand.COMPLETE.path()).isEqualTo("complete");
    }

    private static Caller caller(String subject, Role... roles) {
        return new Caller(subject, Set.of(roles), Optional.empty(), true);
    }
}
