package org.directbill.enrollment.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One change of an enrollment: the step, the status it led to, who, when and why. */
public record HistoryEntry(
        Step step,
        EnrollmentStatus status,
        Instant at,
        String by,
        @Nullable String note) {

    public HistoryEntry {
        Objects.requireNonNull(step);
        Objects.requireNonNull(status);
        Objects.requireNonNull(at);
        Objects.requireNonNull(by);
    }
}
