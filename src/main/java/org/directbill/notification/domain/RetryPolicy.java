package org.directbill.notification.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failed email is tried again: after {@code firstDelay}, doubling with each further failure
 * up to {@code maxDelay}; after {@code maxAttempts} attempts it is given up.
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {

    public RetryPolicy {
        Objects.requireNonNull(firstDelay);
        Objects.requireNonNull(maxDelay);
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("retry delays: " + firstDelay + " then up to " + maxDelay);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts: " + maxAttempts);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration delayAfter(int attempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Whether an email that failed its {@code attempts}-th attempt is given up. */
    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
