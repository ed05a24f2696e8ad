package fi.sd.gateway.routing;

import java.time.Duration;

/**
 * Stops sending requests to a service that keeps failing: after {@code failureThreshold}
 * failures in a row it opens for {@code openFor}, then lets one trial request through; the
 * trial's outcome closes it or opens it again.
 */
public final class CircuitBreaker {

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;

    public CircuitBreaker(int failureThreshold, Duration openFor) {
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
    }

    /** Whether a request may go out now; while half open, only the one trial may. */
    public synchronized boolean tryPass() {
        if (state == State.OPEN && System.nanoTime() - openedAt >= openForNanos) {
            state = State.HALF_OPEN;
            return true;
        }
        return state == State.CLOSED;
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        failures = 0;
    }

    public synchronized void failed() {
        failures++;
        if (state == State.HALF_OPEN || failures >= failureThreshold) {
            state = State.OPEN;
            openedAt = System.nanoTime();
        }
    }

    /** Whole seconds until a trial request will be let through (at least 1). */
    public synchronized long retryAfterSeconds() {
        long remaining = state == State.OPEN ? openForNanos - (System.nanoTime() - openedAt) : openForNanos;
        return Math.max(1, (long) Math.ceil(remaining / 1e9));
    }
}
