package org.directbill.enrollment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request to the credit bureau in the outbox: written with the step that put the enrollment in
 * CREDIT_CHECK, sent afterwards, tried again with a growing wait when the bureau does not take it.
 *
 * @param attempts how many times it was sent (or a sending was started)
 * @param nextAttemptAt when it may be sent (again), while PENDING
 */
public record CreditBureauRequest(
        CreditCheckRequest request,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String reference,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant sentAt) {

    /** The wait after the first failure; it doubles after each further one, up to {@link #MAX_WAIT}. */
    public static final Duration FIRST_WAIT = Duration.ofMinutes(1);

    public static final Duration MAX_WAIT = Duration.ofHours(1);

    public enum Status {
        /** To send, at {@code nextAttemptAt}. */
        PENDING,
        /** The bureau took it; its decision comes on the webhook. */
        SENT,
        /** Given up after the configured number of attempts: an analyst decides. */
        FAILED,
        /** Not sent: the enrollment left CREDIT_CHECK first (an analyst decided, or it was withdrawn). */
        CANCELLED
    }

    public CreditBureauRequest {
        Objects.requireNonNull(request);
        Objects.requireNonNull(status);
        Objects.requireNonNull(nextAttemptAt);
        Objects.requireNonNull(createdAt);
    }

    public UUID id() {
        return request.requestId();
    }

    /** The wait after {@code failedAttempts} failures: 1 minute, 2, 4… at most an hour. */
    public static Duration backoff(int failedAttempts) {
        if (failedAttempts <= 1) {
            return FIRST_WAIT;
        }
        int doublings = Math.min(failedAttempts - 1, 6); // 2^6 minutes is past the hour already
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
