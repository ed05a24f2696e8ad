package fi.sd.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the permit register, projects, permits and SD Apply (catalogue, applications, entitlements), in English, Finnish and Swedish ({@code messages/apply_*.properties}); templates
 * use {@code {apply:key}}. The three languages keep the same keys (MessagesTest).
 * Each bundle stays well under 300 messages: Quarkus 3.33 generates unverifiable bytecode for larger ones.
 */
@MessageBundle(value = "apply", locale = "en")
public interface ApplyMessages {

    @Message
    String accept_invitation();

    @Message
    String accept_terms();

    @Message
    String accept_terms_text();

    @Message
    String actions_lead();

    @Message
    String add_dataset();

    @Message
    String add_file();

    @Message
    String add_person();

    @Message
    String add_question();

    @Message
    String add_term();

    @Message
    String amend_reason_hint();

    @Message
    String applications_empty();

    @Message
    String applications_lead();

    @Message
    String applications_start();

    @Message
    String apply_for_access();

    @Message
    String blocklist();

    @Message
    String blocklist_empty();

    @Message
    String blocklist_lead();

    @Message
    String catalogue_edit();

    @Message
    String catalogue_empty();

    @Message
    String catalogue_enabled();

    @Message
    String catalogue_form_lead();

    @Message
    String catalogue_lead();

    @Message
    String catalogue_offer();

    @Message
    String copied_from();

    @Message
    String copy_as_new();

    @Message
    String copy_as_new_text();

    @Message
    String dataset_controller();

    @Message
    String dataset_id();

    @Message
    String dataset_id_hint();

    @Message
    String dataset_number(int number);

    @Message
    String dataset_number_template();

    @Message
    String dataset_title();

    @Message
    String datasets_and_answers();

    @Message
    String datasets_mounted_count(int count);

    @Message
    String decision();

    @Message
    String entitlement_active();

    @Message
    String entitlement_end();

    @Message
    String entitlement_end_hint();

    @Message
    String entitlement_ended();

    @Message
    String entitlement_start();

    @Message
    String entitlements_active_only();

    @Message
    String entitlements_all();

    @Message
    String entitlements_empty();

    @Message
    String entitlements_lead();

    @Message
    String file_name();

    @Message
    String file_number(int number);

    @Message
    String file_number_template();

    @Message
    String file_path();

    @Message
    String file_sha256();

    @Message
    String file_size();

    @Message
    String file_size_bytes();

    @Message
    String handler_organisation();

    @Message
    String holder_organisation();

    @Message
    String holder_pi();

    @Message
    String invite_member();

    @Message
    String invite_member_hint();

    @Message
    String invited_text();

    @Message
    String issuer_actions();

    @Message
    String lift_block();

    @Message
    String member_role();

    @Message
    String members_count(int count);

    @Message
    String no_questions();

    @Message
    String organisation_hint();

    @Message
    String part_unavailable(String service);

    @Message
    String permit_amend();

    @Message
    String permit_amend_lead();

    @Message
    String permit_conditions();

    @Message
    String permit_datasets();

    @Message
    String permit_datasets_hint();

    @Message
    String permit_details();

    @Message
    String permit_holder();

    @Message
    String permit_journal_number();

    @Message
    String permit_journal_number_hint();

    @Message
    String permit_persons();

    @Message
    String permit_persons_hint();

    @Message
    String permit_purpose();

    @Message
    String permit_record();

    @Message
    String permit_record_lead();

    @Message
    String permit_revoke();

    @Message
    String permit_revoke_warning();

    @Message
    String permit_title();

    @Message
    String permit_valid_from();

    @Message
    String permit_valid_until();

    @Message
    String permit_valid_until_hint();

    @Message
    String permit_validity();

    @Message
    String permits_empty();

    @Message
    String permits_heading();

    @Message
    String permits_lead();

    @Message
    String person_email();

    @Message
    String person_name();

    @Message
    String person_number(int number);

    @Message
    String person_number_template();

    @Message
    String person_user_id();

    @Message
    String project_id();

    @Message
    String project_id_hint();

    @Message
    String projects_empty();

    @Message
    String projects_lead();

    @Message
    String question_id();

    @Message
    String question_label();

    @Message
    String question_number(int number);

    @Message
    String question_number_template();

    @Message
    String question_options();

    @Message
    String question_type();

    @Message
    String questions();

    @Message
    String questions_count(int count);

    @Message
    String questions_hint();

    @Message
    String register_empty();

    @Message
    String register_filter();

    @Message
    String register_lead();

    @Message
    String release_files();

    @Message
    String release_files_hint();

    @Message
    String release_lead();

    @Message
    String release_new();

    @Message
    String release_awaiting_files(String who, int stored, int total);

    @Message
    String released_by(String who);

    @Message
    String releases();

    @Message
    String releases_none();

    @Message
    String release_upload_text();

    @Message
    String release_upload();

    @Message
    String release_upload_progress(String name);

    @Message
    String release_file_stored();

    @Message
    String release_upload_failed();

    @Message
    String remark_public();

    @Message
    String request_review();

    @Message
    String return_to_applicant();

    @Message
    String reviewers();

    @Message
    String reviewers_hint();

    @Message
    String revoke_warning();

    @Message
    String save_draft();

    @Message
    String start_choose_datasets();

    @Message
    String start_choose_permit();

    @Message
    String start_lead();

    @Message
    String start_no_permit();

    @Message
    String submit_heading();

    @Message
    String submit_text();

    @Message
    String term_id();

    @Message
    String term_number(int number);

    @Message
    String term_number_template();

    @Message
    String term_text();

    @Message
    String term_title();

    @Message
    String terms_accepted();

    @Message
    String terms_hint();

    @Message
    String terms_of_use();

    @Message
    String terms_of_use_count(int count);
}
