package fi.sd.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void blankMeansAbsentAndValuesAreStripped() {
        assertThat(QueryParams.id("projectId", null)).isEmpty();
        assertThat(QueryParams.id("projectId", "  ")).isEmpty();
        assertThat(QueryParams.id("projectId", " proj-1 ")).contains("proj-1");
        assertThat(QueryParams.userId("actor", "\taino.virtanen@example.org ")).contains("aino.virtanen@example.org");
        assertThat(QueryParams.instant("from", "")).isEmpty();
        assertThat(QueryParams.oneOf("unit", null, ChronoUnit.class)).isEmpty();
        assertThat(QueryParams.flag("active", null)).isFalse();
    }

    @Test
    void wellFormedValuesAreRead() {
        assertThat(QueryParams.instant("from", "2026-11-29T12:00:00Z")).contains(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(QueryParams.matching("journalNumber", "THL/1234/2026", "[A-Z]+/[0-9/]+", "a journal number")).contains("THL/1234/2026");
        assertThat(QueryParams.flag("active", "true")).isTrue();
        assertThat(QueryParams.flag("active", "false")).isFalse();
    }

    @Test
    void enumConstantsAndBooleansMatchWithoutRegardToCase() {
        assertThat(QueryParams.oneOf("unit", "days", ChronoUnit.class)).contains(ChronoUnit.DAYS);
        assertThat(QueryParams.oneOf("unit", "Half_Days", ChronoUnit.class)).contains(ChronoUnit.HALF_DAYS);
        assertThat(QueryParams.oneOf("unit", " DAYS ", ChronoUnit.class)).contains(ChronoUnit.DAYS);
        assertThat(QueryParams.flag("active", "TRUE")).isTrue();
    }

    @Test
    void aMalformedValueIsA400NamingTheParameterAndTheValue() {
        assertThatThrownBy(() -> QueryParams.instant("from", "yesterday"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("from='yesterday'");
                    assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("from");
                });
        assertThatThrownBy(() -> QueryParams.oneOf("unit", "fortnights", ChronoUnit.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("fortnights").contains("DAYS");
                });
        assertThatThrownBy(() -> QueryParams.id("projectId", "has spaces"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors()).extracting(Problem.FieldError::message)
                        .containsExactly(Ids.MESSAGE));
        assertThatThrownBy(() -> QueryParams.userId("userId", "a/b")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> QueryParams.flag("active", "maybe")).isInstanceOf(ProblemException.class);
    }

    @Test
    void noFilterTakesMoreThanTwoHundredCharacters() {
        assertThat(QueryParams.id("projectId", "p".repeat(QueryParams.MAX_LENGTH))).isPresent();
        assertThatThrownBy(() -> QueryParams.id("projectId", "p".repeat(QueryParams.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).doesNotContain("ppp");
                    assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("projectId");
                });
    }
}
