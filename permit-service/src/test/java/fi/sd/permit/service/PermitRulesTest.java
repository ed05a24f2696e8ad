package fi.sd.permit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fi.sd.permit.api.PermitRequest;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;

class PermitRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void aValidityOfUpToTenYearsThatHasNotEndedIsFine() {
        assertThat(PermitRules.validity(TODAY, TODAY, TODAY)).isEmpty();
        assertThat(PermitRules.validity(TODAY.minusYears(1), TODAY.minusYears(1).plusYears(10).minusDays(1), TODAY)).isEmpty();
    }

    @Test
    void validUntilBeforeValidFromIsRefused() {
        assertThat(PermitRules.validity(TODAY.plusDays(2), TODAY.plusDays(1), TODAY)).extracting(FieldError::field)
                .containsExactly("validUntil");
    }

    @Test
    void oneDayMoreThanTenYearsIsRefused() {
        List<FieldError> errors = PermitRules.validity(TODAY, TODAY.plusYears(10), TODAY);
        assertThat(errors).extracting(FieldError::field).containsExactly("validUntil");
        assertThat(errors.get(0).message()).contains("10 years").contains(TODAY.plusYears(10).minusDays(1).toString());
    }

    @Test
    void aValidityThatHasAlreadyEndedIsRefused() {
        assertThat(PermitRules.validity(TODAY.minusDays(10), TODAY.minusDays(1), TODAY)).extracting(FieldError::message)
                .containsExactly("must not be in the past (today is 2026-06-15 in Helsinki)");
    }

    @Test
    void aDatasetOrPersonListedTwiceIsNamedByItsSecondPosition() {
        assertThat(PermitRules.datasetsOnce(List.of(new PermitRequest.Dataset("a", "THL", "A"), new PermitRequest.Dataset("b", "THL", "B"),
                new PermitRequest.Dataset("a", "THL", "A again")))).extracting(FieldError::field).containsExactly("datasets[2].id");
        assertThat(PermitRules.personsOnce(List.of(new PermitRequest.Person("x", "X", "x@example.org"),
                new PermitRequest.Person("x", "X", "x@example.org")))).extracting(FieldError::field).containsExactly("persons[1].userId");
    }

    @Test
    void anAmendmentChecksOnlyWhatItChangesAndAllBreachesAreReportedTogether() {
        PermitRules.requireValidAmendment(TODAY.minusYears(11), null, null, null, TODAY);
        assertThatThrownBy(() -> PermitRules.requireValidAmendment(TODAY, TODAY.plusYears(11),
                null, List.of(new PermitRequest.Person("x", "X", "x@example.org"), new PermitRequest.Person("x", "X", "x@example.org")),
                TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("validUntil", "persons[1].userId");
                });
    }
}
