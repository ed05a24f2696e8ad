package fi.sd.web.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An access application (SD Apply) with its members, answers, accepted terms and full history. */
public record Application(
        String id,
        String permitId,
        String projectId,
        String organisation,
        String applicant,
        String state,
        List<String> datasetIds,
        List<Member> members,
        List<String> reviewers,
        List<Answer> answers,
        List<AcceptedTerm> acceptedTerms,
        Instant entitlementEnd,
        String copiedFrom,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<Event> events,
        List<String> allowedCommands) {

    /** Whether the reader may issue the command ({@code invite-member}) now: the API's command table says so. */
    public boolean allows(String command) {
        return allowedCommands != null && allowedCommands.contains(command);
    }

    public boolean in(String... states) {
        for (String candidate : states) {
            if (candidate.equals(state)) {
                return true;
            }
        }
        return false;
    }

    public Optional<Member> member(String userId) {
        return members == null ? Optional.empty() : members.stream().filter(m -> m.userId().equals(userId)).findFirst();
    }

    public String answer(String datasetId, String fieldId) {
        return answers == null ? "" : answers.stream().filter(a -> a.datasetId().equals(datasetId) && a.fieldId().equals(fieldId))
                .map(Answer::value).findFirst().orElse("");
    }

    /** Whether {@code userId} accepted this version of the term of the dataset. */
    public boolean accepted(String userId, String datasetId, String termId, int termVersion) {
        return acceptedTerms != null && acceptedTerms.stream().anyMatch(t -> t.userId().equals(userId)
                && t.datasetId().equals(datasetId) && t.termId().equals(termId) && t.version() == termVersion);
    }

    /** {@code status}: INVITED, JOINED or REMOVED. */
    public record Member(String userId, String status, Instant since) {
    }

    public record Answer(String datasetId, String fieldId, String value) {
    }

    public record AcceptedTerm(String userId, String datasetId, String termId, int version, Instant acceptedAt) {
    }

    public record Event(String actor, String command, Instant time, String comment, String detail, boolean visibleToApplicant) {
    }
}
