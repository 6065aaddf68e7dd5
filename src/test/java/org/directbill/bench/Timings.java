package org.directbill.bench;

import java.util.Arrays;

/** Durations of repeated runs, in nanoseconds, read as nearest-rank percentiles in milliseconds. */
final class Timings {

    private final long[] sorted;

    Timings(long[] nanos) {
        sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    double percentileMillis(double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    double minMillis() {
        return sorted[0] / 1e6;
    }

    double maxMillis() {
        return sorted[sorted.length - 1] / 1e6;
    }
}
