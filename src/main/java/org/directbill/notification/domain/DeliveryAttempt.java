package org.directbill.notification.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One POST of a delivery, as the log keeps it.
 *
 * @param attempt 1 for the first
 * @param httpStatus the endpoint's answer, when it answered
 * @param error why it failed (a status other than 2xx, a timeout, a refused connection); null when delivered
 */
public record DeliveryAttempt(
        int attempt,
        Instant startedAt,
        long durationMillis,
        @Nullable Integer httpStatus,
        @Nullable String error) {

    public boolean delivered() {
        return error == null;
    }
}
