package fi.sd.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;

/**
 * Forwards a file body from the caller to a service as it arrives. At most about a MiB is in
 * flight: the caller is paused while more is written but not yet on the wire (the two connections
 * may be served by different event loops, so the service connection's writability alone would
 * not hold the caller back), and resumed once it drains. It counts the body (one that passes its
 * limit resets the request to the service: never a cut body ended as if whole), and remembers when
 * bytes last moved, so that a large file is not timed out while it flows and a stalled one is.
 */
final class MeteredBody {

    private static final long HIGH_WATER = 1024 * 1024;
    private static final long LOW_WATER = 256 * 1024;

    private final HttpServerRequest source;
    private final long limit;
    private final AtomicLong inFlight = new AtomicLong();
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean tooLarge;
    private boolean paused;
    private long seen;

    MeteredBody(HttpServerRequest source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    /** How long since bytes last moved, or since the body ended. */
    long idleMillis() {
        return (System.nanoTime() - lastProgressNanos) / 1_000_000;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    long limit() {
        return limit;
    }

    /** Sends the body to {@code target}, then ends it; a failure of the body resets the request to the service. */
    void forwardTo(HttpClientRequest target) {
        source.handler(chunk -> {
            lastProgressNanos = System.nanoTime();
            seen += chunk.length();
            if (seen > limit) {
                tooLarge = true;
                source.handler(null);
                source.endHandler(null);
                target.reset(0, new IllegalStateException("the body went past " + limit + " bytes"));
                return;
            }
            long size = chunk.length();
            if (inFlight.addAndGet(size) >= HIGH_WATER) {
                pause();
            }
            target.write(chunk).onComplete(written -> {
                lastProgressNanos = System.nanoTime();
                if (inFlight.addAndGet(-size) <= LOW_WATER) {
                    resume();
                }
            });
        });
        source.endHandler(end -> {
            lastProgressNanos = System.nanoTime();
            target.end();
        });
        source.exceptionHandler(failure -> target.reset(0, failure));
        source.resume();
    }

    /** Pauses the caller, unless the writes drained meanwhile (their completions run on the service connection's thread). */
    private synchronized void pause() {
        if (!paused && inFlight.get() > LOW_WATER) {
            paused = true;
            source.pause();
        }
    }

    private synchronized void resume() {
        if (paused) {
            paused = false;
            source.resume();
        }
    }
}
