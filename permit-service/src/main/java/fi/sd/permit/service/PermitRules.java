package fi.sd.permit.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import fi.sd.permit.api.PermitRequest;
import fi.sd.permit.domain.Validity;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;

/**
 * The rules a well-formed permit must also keep, checked across fields; a breach is a 422 naming
 * the fields. (Each field's own shape is checked by Bean Validation on the request: a 400.)
 */
public final class PermitRules {

    private PermitRules() {
    }

    /** A new permit: its validity, and no dataset or person listed twice. */
    public static void requireValid(PermitRequest request, LocalDate today) {
        List<FieldError> errors = new ArrayList<>(validity(request.validFrom(), request.validUntil(), today));
        errors.addAll(datasetsOnce(request.datasets()));
        errors.addAll(personsOnce(request.persons()));
        require(errors);
    }

    /** An amendment: the new validity end against the permit's start, and the new lists. */
    public static void requireValidAmendment(LocalDate validFrom, LocalDate newValidUntil, List<PermitRequest.Dataset> newDatasets,
            List<PermitRequest.Person> newPersons, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (newValidUntil != null) {
            errors.addAll(validity(validFrom, newValidUntil, today));
        }
        if (newDatasets != null) {
            errors.addAll(datasetsOnce(newDatasets));
        }
        if (newPersons != null) {
            errors.addAll(personsOnce(newPersons));
        }
        require(errors);
    }

    /**
     * {@code validFrom} ≤ {@code validUntil}, at most ten years with both days counted (EHDS Art.
     * 68(12)), and a last day that has not passed in Helsinki.
     */
    static List<FieldError> validity(LocalDate validFrom, LocalDate validUntil, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (validUntil.isBefore(validFrom)) {
            errors.add(new FieldError("validUntil", "must not be before validFrom (" + validFrom + ")"));
        } else if (validUntil.isAfter(Validity.lastAllowedDay(validFrom))) {
            errors.add(new FieldError("validUntil", "a permit is valid for at most " + Validity.MAX_PERIOD.getYears()
                    + " years: from " + validFrom + " the last valid day is " + Validity.lastAllowedDay(validFrom)));
        }
        if (Validity.hasEnded(validUntil, today)) {
            errors.add(new FieldError("validUntil", "must not be in the past (today is " + today + " in Helsinki)"));
        }
        return errors;
    }

    static List<FieldError> datasetsOnce(List<PermitRequest.Dataset> datasets) {
        return once(datasets, PermitRequest.Dataset::id, "datasets", "id", "dataset");
    }

    static List<FieldError> personsOnce(List<PermitRequest.Person> persons) {
        return once(persons, PermitRequest.Person::userId, "persons", "userId", "person");
    }

    private static <T> List<FieldError> once(List<T> items, Function<T, String> key, String list, String field, String noun) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = key.apply(items.get(i));
            if (!seen.add(value)) {
                errors.add(new FieldError(list + "[" + i + "]." + field, "the " + noun + " " + value + " is listed more than once"));
            }
        }
        return errors;
    }

    private static void require(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The request breaks " + errors.size() + " rule(s) of permits", errors);
        }
    }
}
