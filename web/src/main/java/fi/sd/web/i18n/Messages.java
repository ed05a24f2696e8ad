package fi.sd.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the frame, errors, common words and statuses, in English, Finnish and Swedish ({@code messages/msg_*.properties}); templates
 * use {@code {msg:key}}. The three languages keep the same keys (MessagesTest).
 * Each bundle stays well under 300 messages: Quarkus 3.33 generates unverifiable bytecode for larger ones.
 */
@MessageBundle(locale = "en")
public interface Messages {

    @Message
    String a11y_feedback();

    @Message
    String a11y_feedback_heading();

    @Message
    String a11y_how_contrast();

    @Message
    String a11y_how_heading();

    @Message
    String a11y_how_keyboard();

    @Message
    String a11y_how_languages();

    @Message
    String a11y_how_semantic();

    @Message
    String a11y_how_tested();

    @Message
    String a11y_known();

    @Message
    String a11y_known_heading();

    @Message
    String a11y_lead();

    @Message
    String a11y_status();

    @Message
    String a11y_status_heading();

    @Message
    String accessibility_statement();

    @Message
    String actions();

    @Message
    String actor();

    @Message
    String added();

    @Message
    String all();

    @Message
    String applicant();

    @Message
    String application();

    @Message
    String application_command(String value);

    @Message
    String application_state(String value);

    @Message
    String apply();

    @Message
    String approval_needed(String role);

    @Message
    String approve();

    @Message
    String approved_by(String actor, String role);

    @Message
    String breadcrumbs();

    @Message
    String cancel();

    @Message
    String changed();

    @Message
    String choose();

    @Message
    String close_application();

    @Message
    String comment();

    @Message
    String created();

    @Message
    String dataset();

    @Message
    String decision_action(String value);

    @Message
    String delete();

    @Message
    String description();

    @Message
    String desktop_status(String value);

    @Message
    String detail();

    @Message
    String disabled();

    @Message
    String done(String what);

    @Message
    String edit();

    @Message
    String end_reason(String value);

    @Message
    String entitlement_status(String value);

    @Message
    String error_api_said();

    @Message
    String error_explanation(int status);

    @Message
    String error_prefix();

    @Message
    String error_reference();

    @Message
    String error_summary_title();

    @Message
    String error_title(int status);

    @Message
    String export_status(String value);

    String release_status(String value);

    @Message
    String field_type(String value);

    @Message
    String filter();

    @Message
    String flavour(String value);

    @Message
    String flavour_hint(String value);

    @Message
    String footer_text();

    @Message
    String from_time();

    @Message
    String go_home();

    @Message
    String history();

    @Message
    String home_card_actions();

    @Message
    String home_card_applications();

    @Message
    String home_card_audit();

    @Message
    String home_card_catalogue();

    @Message
    String home_card_catalogue_controller();

    @Message
    String home_card_permits();

    @Message
    String home_card_projects();

    @Message
    String home_card_reviews();

    @Message
    String home_card_workspaces();

    @Message
    String home_heading();

    @Message
    String home_how();

    @Message
    String home_lead();

    @Message
    String home_register_link();

    @Message
    String home_register_text();

    @Message
    String home_sign_in_text();

    @Message
    String home_start();

    @Message
    String home_step_apply();

    @Message
    String home_step_desktop();

    @Message
    String home_step_export();

    @Message
    String home_step_permit();

    @Message
    String home_title();

    @Message
    String home_your_work();

    @Message
    String import_kind(String value);

    @Message
    String import_status(String value);

    @Message
    String invalid_date();

    @Message
    String invalid_email();

    @Message
    String invalid_id();

    @Message
    String invalid_name();

    @Message
    String invalid_negative();

    @Message
    String invalid_positive();

    @Message
    String invalid_required();

    @Message
    String invalid_sha256();

    @Message
    String invalid_single_line();

    @Message
    String invalid_twice();

    @Message
    String invalid_user();

    @Message
    String invite();

    @Message
    String language_choice();

    @Message
    String main_navigation();

    @Message
    String member_status(String value);

    @Message
    String members();

    @Message
    String nav_actions();

    @Message
    String nav_applications();

    @Message
    String nav_audit();

    @Message
    String nav_catalogue();

    @Message
    String nav_entitlements();

    @Message
    String nav_permits();

    @Message
    String nav_projects();

    @Message
    String nav_register();

    @Message
    String nav_reviews();

    @Message
    String nav_workspaces();

    @Message
    String none_visible();

    @Message
    String not_yet();

    @Message
    String open_ended();

    @Message
    String organisation();

    @Message
    String pager_label();

    @Message
    String pager_next();

    @Message
    String pager_previous();

    @Message
    String pager_showing(Long first, Long last, Long total);

    @Message
    String pause();

    @Message
    String permit();

    @Message
    String permit_change(String value);

    @Message
    String permit_status(String value);

    @Message
    String private_note();

    @Message
    String project();

    @Message
    String reason();

    @Message
    String reboot();

    @Message
    String reject();

    @Message
    String remark();

    @Message
    String remove();

    @Message
    String required();

    @Message
    String resume();

    @Message
    String review();

    @Message
    String reviewer_role(String value);

    @Message
    String revoke();

    @Message
    String risk(String value);

    @Message
    String risk_hint(String value);

    @Message
    String route(String value);

    @Message
    String route_label();

    @Message
    String save();

    @Message
    String service_name();

    @Message
    String service_tagline();

    @Message
    String session_ended_text();

    @Message
    String session_ended_title();

    @Message
    String session_status(String value);

    @Message
    String show();

    @Message
    String sign_in();

    @Message
    String sign_in_again();

    @Message
    String sign_in_failed_text();

    @Message
    String sign_in_failed_title();

    @Message
    String sign_out();

    @Message
    String signed_out_text();

    @Message
    String signed_out_title();

    @Message
    String skip_to_content();

    @Message
    String status();

    @Message
    String submit();

    @Message
    String this_one();

    @Message
    String time();

    @Message
    String to_time();

    @Message
    String updated();

    @Message
    String valid_between(String from, String until);

    @Message
    String valid_until(String until);

    @Message
    String version();

    @Message
    String version_kind(String value);

    @Message
    String versions();

    @Message
    String withdraw();

    @Message
    String working();

    @Message
    String workspace();

    @Message
    String workspace_id();

    @Message
    String workspace_status(String value);

    @Message
    String yes();
}
