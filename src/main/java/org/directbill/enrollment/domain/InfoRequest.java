package org.directbill.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a reviewer asked the partner, by when, and the partner's answer. Unanswered, the partner is
 * reminded {@link #REMINDER_DAYS_BEFORE} days before the due date; the day after it, the enrollment
 * is withdrawn.
 */
public record InfoRequest(
        UUID id,
        EnrollmentId enrollmentId,
        String message,
        LocalDate dueDate,
        Instant requestedAt,
        String requestedBy,
        @Nullable LocalDate remindedOn,
        @Nullable Answer answer) {

    public static final int REMINDER_DAYS_BEFORE = 2;

    public InfoRequest {
        Objects.requireNonNull(id);
        Objects.requireNonNull(enrollmentId);
        Objects.requireNonNull(message);
        Objects.requireNonNull(dueDate);
        Objects.requireNonNull(requestedAt);
        Objects.requireNonNull(requestedBy);
    }

    /** The partner's answer: a message and the files it attached. */
    public record Answer(String message, Instant at, String by, List<AttachmentInfo> attachments) {
        public Answer {
            Objects.requireNonNull(message);
            Objects.requireNonNull(at);
            Objects.requireNonNull(by);
            attachments = List.copyOf(attachments);
        }
    }

    public boolean answered() {
        return answer != null;
    }

    /** The day the reminder is due: two days before the due date (the day of the request when that is later). */
    public LocalDate reminderDate() {
        return dueDate.minusDays(REMINDER_DAYS_BEFORE);
    }

    /** Unanswered and not reminded, with the reminder date reached on {@code asOf} and the due date not passed. */
    public boolean reminderDue(LocalDate asOf) {
        return !answered() && remindedOn == null && !asOf.isBefore(reminderDate()) && !asOf.isAfter(dueDate);
    }

    /** Unanswered after its due date: answering on the due date itself is in time. */
    public boolean pastDue(LocalDate asOf) {
        return !answered() && asOf.isAfter(dueDate);
    }
}
