package fi.sd.e2e.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples (nanoseconds) and their nearest-rank percentiles in milliseconds. */
final class Percentiles {

    private final List<Long> samples = new ArrayList<>();

    synchronized void add(long nanos) {
        samples.add(nanos);
    }

    synchronized int count() {
        return samples.size();
    }

    synchronized double millis(double percentile) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1_000_000.0;
    }

    String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)", millis(50), millis(95), millis(99), count());
    }
}
