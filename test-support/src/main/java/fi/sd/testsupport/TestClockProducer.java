package fi.sd.testsupport;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the platform's system clock with {@link TestClock} in every service's tests. */
public class TestClockProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    public Clock testClock() {
        return TestClock.INSTANCE;
    }
}
