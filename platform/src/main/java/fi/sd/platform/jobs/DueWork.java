package fi.sd.platform.jobs;

import java.util.function.IntUnaryOperator;

import org.jboss.logging.Logger;

/**
 * The running of a job over leased rows (claimed with {@code FOR UPDATE SKIP LOCKED}, each held by a lease that
 * another replica takes over once it runs out): {@link Nudges nudged} right after a transaction that gave it work
 * commits, and run by its schedule on every replica for what a dead runner left or a back-off held back, batch after
 * batch ({@link Batches}). A run that fails is logged and left to the next one.
 */
public final class DueWork implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DueWork.class);

    private final String name;
    private final int batchSize;
    private final IntUnaryOperator runDue;
    private final Nudges nudges;

    /** {@code runDue}: runs up to the given number of due items and returns how many it claimed. */
    public DueWork(String name, int batchSize, IntUnaryOperator runDue) {
        this.name = name;
        this.batchSize = batchSize;
        this.runDue = runDue;
        this.nudges = new Nudges(name, this::run);
    }

    /** Runs the work soon on the job's own thread. */
    public void nudge() {
        nudges.nudge();
    }

    /** Batch after batch until none is due; returns how many were claimed. */
    public int run() {
        try {
            return Batches.drain(batchSize, runDue);
        } catch (RuntimeException e) {
            LOG.warnf(e, "The %s could not be run now; the next run tries again", name);
            return 0;
        }
    }

    @Override
    public void close() {
        nudges.close();
    }
}
