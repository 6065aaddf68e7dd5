package org.directbill.enrollment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The credit bureau outbox. Every change after {@link #add} names the attempts it read, so that of
 * two instances working the same row only one changes it.
 */
public interface CreditBureauRequestRecords {

    /** Queues a request, PENDING from {@code now}. */
    void add(CreditCheckRequest request, Instant now);

    /** PENDING requests due at {@code now}, oldest first. */
    List<CreditBureauRequest> due(Instant now, int limit);

    /**
     * Takes a due request to send it: counts the attempt and holds it until {@code heldUntil} (after
     * which it is due again, should this instance die while sending). False when another took it.
     */
    boolean claim(UUID id, int attemptsRead, Instant now, Instant heldUntil);

    void sent(UUID id, int attempts, @Nullable String reference, Instant at);

    void retryAt(UUID id, int attempts, Instant next, String error);

    void failed(UUID id, int attempts, String error);

    void cancel(UUID id, int attemptsRead, String why);

    Optional<CreditBureauRequest> ofEnrollment(EnrollmentId enrollment);
}
