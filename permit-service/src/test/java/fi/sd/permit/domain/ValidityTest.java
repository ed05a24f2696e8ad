package fi.sd.permit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ValidityTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2027, 3, 31);

    @Test
    void aPermitIsValidThroughItsLastDayInHelsinkiAndEndsWithIt() {
        // 2027-03-31 23:59 in Helsinki (summer time, UTC+3) is still 20:59 UTC.
        LocalDate lastMinute = Validity.today(Clock.fixed(Instant.parse("2027-03-31T20:59:59Z"), ZoneOffset.UTC));
        assertThat(lastMinute).isEqualTo(LAST_DAY);
        assertThat(Validity.hasEnded(LAST_DAY, lastMinute)).isFalse();
        assertThat(Validity.daysLeft(LAST_DAY, lastMinute)).isZero();

        // Midnight in Helsinki is 21:00 UTC: still the 31st in UTC, but the permit has ended.
        LocalDate afterMidnight = Validity.today(Clock.fixed(Instant.parse("2027-03-31T21:00:00Z"), ZoneOffset.UTC));
        assertThat(afterMidnight).isEqualTo(LAST_DAY.plusDays(1));
        assertThat(Validity.hasEnded(LAST_DAY, afterMidnight)).isTrue();
    }

    @Test
    void inWinterHelsinkiIsTwoHoursAhead() {
        LocalDate lastDay = LocalDate.of(2027, 1, 15);
        assertThat(Validity.hasEnded(lastDay, Validity.dateAt(Instant.parse("2027-01-15T21:59:59Z")))).isFalse();
        assertThat(Validity.hasEnded(lastDay, Validity.dateAt(Instant.parse("2027-01-15T22:00:00Z")))).isTrue();
    }

    @Test
    void tenYearsCountBothTheFirstAndTheLastDay() {
        assertThat(Validity.lastAllowedDay(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2035, 12, 31));
        assertThat(Validity.lastAllowedDay(LocalDate.of(2026, 6, 15))).isEqualTo(LocalDate.of(2036, 6, 14));
        // From a leap day, ten years on is 28 February: the last allowed day is the 27th.
        assertThat(Validity.lastAllowedDay(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2038, 2, 27));
    }

    @Test
    void daysLeftCountsWholeDaysToTheLastDay() {
        assertThat(Validity.daysLeft(LAST_DAY, LAST_DAY.minusDays(30))).isEqualTo(30);
        assertThat(Validity.daysLeft(LAST_DAY, LAST_DAY.minusDays(1))).isEqualTo(1);
    }
}
