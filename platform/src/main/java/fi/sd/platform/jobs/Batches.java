package fi.sd.platform.jobs;

import java.util.function.IntUnaryOperator;

/**
 * How a scheduled job on every replica works through what is due: batch after batch, each claimed
 * with {@code FOR UPDATE SKIP LOCKED} in a transaction of its own, until a batch comes back short.
 * A short batch means nothing more is due, or other replicas hold the rest; either way this run is
 * done, so a run is safe from any number of threads or replicas at once.
 */
public final class Batches {

    private Batches() {
    }

    /** Calls {@code claim} with {@code batchSize} while it claims that many; returns how many were claimed in all. */
    public static int drain(int batchSize, IntUnaryOperator claim) {
        int total = 0;
        int claimed;
        do {
            claimed = claim.applyAsInt(batchSize);
            total += claimed;
        } while (claimed == batchSize);
        return total;
    }
}
