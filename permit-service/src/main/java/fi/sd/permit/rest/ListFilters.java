package fi.sd.permit.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import fi.sd.permit.domain.PermitStatus;
import fi.sd.platform.rest.Ids;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;

/**
 * The filters of the permit lists, read from the raw query parameters: an unknown value is a 400
 * naming the parameter (JAX-RS would answer 404 for a query value it cannot convert).
 */
final class ListFilters {

    private ListFilters() {
    }

    static Optional<PermitStatus> status(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        for (PermitStatus candidate : PermitStatus.values()) {
            if (candidate.name().equals(status.strip())) {
                return Optional.of(candidate);
            }
        }
        throw invalid("status", "must be one of " + Arrays.toString(PermitStatus.values()));
    }

    static Optional<String> projectId(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            return Optional.empty();
        }
        if (projectId.length() > 100 || !projectId.matches(Ids.PATTERN)) {
            throw invalid("projectId", Ids.MESSAGE);
        }
        return Optional.of(projectId);
    }

    static Optional<String> journalNumber(String journalNumber) {
        if (journalNumber == null || journalNumber.isBlank()) {
            return Optional.empty();
        }
        String stripped = journalNumber.strip();
        if (stripped.length() > 200 || !stripped.matches(Texts.JOURNAL_NUMBER)) {
            throw invalid("journalNumber", Texts.JOURNAL_NUMBER_MESSAGE);
        }
        return Optional.of(stripped);
    }

    private static ProblemException invalid(String parameter, String message) {
        return ProblemException.badRequest("Invalid query parameter " + parameter, List.of(new FieldError(parameter, message)));
    }
}
