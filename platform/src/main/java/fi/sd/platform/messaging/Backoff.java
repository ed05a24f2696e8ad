package fi.sd.platform.messaging;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The waits between the attempts of something that keeps failing: the first delay, doubled after
 * each wait up to a ceiling. A wait ends at once when the service stops ({@code stopping} counts
 * down), so that nothing holds up a shutdown. Not shared between threads: one per retry loop.
 */
public final class Backoff {

    private final Duration first;
    private final Duration ceiling;
    private final CountDownLatch stopping;
    private Duration delay;

    public Backoff(Duration first, Duration ceiling, CountDownLatch stopping) {
        this.first = first;
        this.ceiling = ceiling;
        this.stopping = stopping;
        this.delay = first;
    }

    /** The wait after the {@code attempts}-th failure of a job's item retried later: 2^attempts seconds, at most {@code ceiling}. */
    public static Duration after(int attempts, Duration ceiling) {
        Duration doubled = Duration.ofSeconds(1L << Math.min(Math.max(attempts, 0), 30));
        return doubled.compareTo(ceiling) < 0 ? doubled : ceiling;
    }

    /** How long the next wait is. */
    public Duration delay() {
        return delay;
    }

    /** After a success: the next failure waits the first delay again. */
    public void reset() {
        delay = first;
    }

    /** Waits the delay, then doubles it up to the ceiling; true when the service is stopping (the caller gives up). */
    public boolean waitOut() {
        try {
            if (stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        Duration doubled = delay.multipliedBy(2);
        delay = doubled.compareTo(ceiling) < 0 ? doubled : ceiling;
        return false;
    }
}
