package fi.sd.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of every service under test (see {@link TestClockProducer}): it follows the system
 * clock until a test moves it, which it can do forward only, as real time does.
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();

    private volatile Duration offset = Duration.ZERO;

    private TestClock() {
    }

    /** Moves time forward for every service bean that reads the clock. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Time does not go backwards");
        }
        offset = offset.plus(duration);
    }

    /** Back to the system clock, for the next test. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
