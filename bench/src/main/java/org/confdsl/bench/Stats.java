package org.confdsl.bench;

import java.util.Arrays;

/** Percentiles of a set of samples in nanoseconds, printed in milliseconds. */
final class Stats {

    private final long[] sorted;

    Stats(long[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    /** The nearest-rank percentile {@code p} (0 < p <= 100), in milliseconds. */
    double percentileMs(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms over %d changes",
                percentileMs(50), percentileMs(90), percentileMs(99), percentileMs(100), sorted.length);
    }
}
