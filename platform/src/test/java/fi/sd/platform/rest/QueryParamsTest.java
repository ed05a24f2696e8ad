package fi.sd.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void blankMeansAbsentAndValuesAreTrimmed() {
        assertThat(QueryParams.text(null)).isNull();
        assertThat(QueryParams.text("  ")).isNull();
        assertThat(QueryParams.text(" proj-1 ")).isEqualTo("proj-1");
        assertThat(QueryParams.instant("from", "")).isNull();
        assertThat(QueryParams.oneOf("unit", null, ChronoUnit.class)).isNull();
    }

    @Test
    void wellFormedValuesAreRead() {
        assertThat(QueryParams.instant("from", "2026-11-29T12:00:00Z")).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(QueryParams.oneOf("unit", "days", ChronoUnit.class)).isEqualTo(ChronoUnit.DAYS);
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
    }
}
