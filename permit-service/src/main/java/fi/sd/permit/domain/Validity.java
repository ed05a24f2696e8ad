package fi.sd.permit.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The calendar of permit validity. {@code validFrom} and {@code validUntil} are dates in
 * Europe/Helsinki and both are days of validity: a permit is valid through the whole of its
 * {@code validUntil} day, Finnish time, and ends when that day does.
 */
public final class Validity {

    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");
    /** EHDS Art. 68(12): a permit lasts at most ten years. */
    public static final Period MAX_PERIOD = Period.ofYears(10);

    private Validity() {
    }

    /** The date in Helsinki now. */
    public static LocalDate today(Clock clock) {
        return dateAt(clock.instant());
    }

    public static LocalDate dateAt(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** True once the Helsinki date is after the last valid day. */
    public static boolean hasEnded(LocalDate validUntil, LocalDate today) {
        return today.isAfter(validUntil);
    }

    /** The last day a validity starting on {@code validFrom} may cover: ten years of days, both ends counted. */
    public static LocalDate lastAllowedDay(LocalDate validFrom) {
        return validFrom.plus(MAX_PERIOD).minusDays(1);
    }

    /** Whole days from {@code today} until the last valid day: 0 on that day itself. */
    public static int daysLeft(LocalDate validUntil, LocalDate today) {
        return (int) ChronoUnit.DAYS.between(today, validUntil);
    }
}
