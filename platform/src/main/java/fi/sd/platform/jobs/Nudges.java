package fi.sd.platform.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a job's work at once on a thread of its own when nudged (e.g. right after a transaction that gave
 * it work commits), besides its schedule. Nudges that come while one is queued and not yet started are
 * served by that one, so a burst of commits runs the work once or twice, never once per commit.
 */
public final class Nudges implements AutoCloseable {

    private final Runnable work;
    private final ExecutorService thread;
    /** A nudge is queued and not yet started: further nudges until it starts are served by it. */
    private final AtomicBoolean queued = new AtomicBoolean();

    public Nudges(String threadName, Runnable work) {
        this.work = work;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void nudge() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                work.run();
            });
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
