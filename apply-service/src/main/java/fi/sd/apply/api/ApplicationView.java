package fi.sd.apply.api;

import java.time.Instant;
import java.util.List;

import fi.sd.apply.domain.ApplicationState;
import fi.sd.apply.domain.MemberStatus;

/**
 * An application as its reader may see it; {@code events} is its history, without what the reader may not see;
 * {@code allowedCommands} the commands (as in the URL: {@code invite-member}) the reader may issue in its state.
 */
public record ApplicationView(
        String id,
        String permitId,
        String projectId,
        String organisation,
        String applicant,
        ApplicationState state,
        List<String> datasetIds,
        List<Member> members,
        List<String> reviewers,
        List<AnswerView> answers,
        List<AcceptedTerm> acceptedTerms,
        Instant entitlementEnd,
        String copiedFrom,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<EventView> events,
        List<String> allowedCommands) {

    public record Member(String userId, MemberStatus status, Instant since) {
    }

    public record AnswerView(String datasetId, String fieldId, String value) {
    }

    public record AcceptedTerm(String userId, String datasetId, String termId, int version, Instant acceptedAt) {
    }

    public record EventView(String actor, String command, Instant time, String comment, String detail, boolean visibleToApplicant) {
    }
}
