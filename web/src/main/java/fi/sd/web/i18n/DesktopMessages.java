package fi.sd.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of SD Desktop (workspaces, desktops, sessions), the airlock, reviews and the audit log, in English, Finnish and Swedish ({@code messages/desk_*.properties}); templates
 * use {@code {desk:key}}. The three languages keep the same keys (MessagesTest).
 * Each bundle stays well under 300 messages: Quarkus 3.33 generates unverifiable bytecode for larger ones.
 */
@MessageBundle(value = "desk", locale = "en")
public interface DesktopMessages {

    @Message
    String access();

    @Message
    String airlock_import();

    @Message
    String already_approved();

    @Message
    String audit_action();

    @Message
    String audit_chain_broken(Long entry);

    @Message
    String audit_chain_broken_chains();

    @Message
    String audit_chain_intact(Long entries);

    @Message
    String audit_empty();

    @Message
    String audit_lead();

    @Message
    String audit_verify();

    @Message
    String audit_verify_heading();

    @Message
    String audit_verify_text();

    @Message
    String back_to_workspace();

    @Message
    String cancel_request();

    @Message
    String created_by(String who);

    @Message
    String datasets_mounted();

    @Message
    String datasets_none();

    @Message
    String decisions_none();

    @Message
    String delete_desktop_confirm(String name);

    @Message
    String desktop_create();

    @Message
    String desktop_image();

    @Message
    String desktop_name();

    @Message
    String desktop_name_hint();

    @Message
    String desktop_size();

    @Message
    String desktop_spec(int cores, int memoryGb, int volumeGb);

    @Message
    String desktop_volume();

    @Message
    String desktop_volume_hint();

    @Message
    String desktops();

    @Message
    String desktops_none();

    @Message
    String download();

    @Message
    String download_text();

    @Message
    String download_refused();

    @Message
    String preview();

    @Message
    String preview_whole();

    @Message
    String preview_truncated();

    @Message
    String export_copying();

    @Message
    String export_copying_text();

    @Message
    String export_copying_refresh();

    @Message
    String export_copy_failed();

    @Message
    String back_to_export();

    @Message
    String earlier_exports();

    @Message
    String earlier_exports_text();

    @Message
    String export();

    @Message
    String export_files();

    @Message
    String export_files_hint();

    @Message
    String export_lead();

    @Message
    String export_of_files(int count);

    @Message
    String export_request();

    @Message
    String export_submit();

    @Message
    String exports();

    @Message
    String exports_none();

    @Message
    String exports_waiting();

    @Message
    String exports_waiting_none();

    @Message
    String findata_notification();

    @Message
    String findata_notification_hint();

    @Message
    String import_complete();

    @Message
    String import_description_hint();

    @Message
    String import_fail();

    @Message
    String import_kind_label();

    @Message
    String import_request();

    @Message
    String imports();

    @Message
    String imports_none();

    @Message
    String imports_waiting();

    @Message
    String imports_waiting_none();

    @Message
    String mount_path();

    @Message
    String open_desktop();

    @Message
    String open_session();

    @Message
    String read_only();

    @Message
    String read_write();

    @Message
    String requested_by();

    @Message
    String reviews_lead();

    @Message
    String risk_assessment();

    @Message
    String risk_assessment_hint();

    @Message
    String risk_level();

    @Message
    String second_factor_continue();

    @Message
    String second_factor_done();

    @Message
    String second_factor_needed();

    @Message
    String second_factor_text();

    @Message
    String service_desk_actions();

    @Message
    String session();

    @Message
    String session_closed_at();

    @Message
    String session_end();

    @Message
    String session_idles_out();

    @Message
    String session_opened();

    @Message
    String session_over_text();

    @Message
    String session_refused();

    @Message
    String session_rules();

    @Message
    String two_person_rule();

    @Message
    String two_person_text();

    @Message
    String viewer_frame_title(String name);

    @Message
    String viewer_heading();

    @Message
    String viewer_frame_hint();

    @Message
    String viewer_reopen_text();

    @Message
    String workspace_locked_text(String purge);

    @Message
    String workspace_of(String project);

    @Message
    String workspaces_empty();

    @Message
    String workspaces_lead();

    @Message
    String your_review();

    @Message
    String your_turn();
}
