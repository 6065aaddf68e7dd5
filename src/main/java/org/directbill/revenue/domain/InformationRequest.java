package org.directbill.revenue.domain;

import java.time.LocalDate;
import java.util.Objects;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/** What a reviewer asks the partner about a case, and by when it must answer. */
public record InformationRequest(String message, LocalDate dueDate) {

    /** The longest message, request or answer. */
    public static final int MAX_MESSAGE = 4000;

    public InformationRequest {
        Objects.requireNonNull(message);
        Objects.requireNonNull(dueDate);
    }

    /** A request: a message and a due date that is not in the past, both required. */
    public static InformationRequest validate(@Nullable String message, @Nullable LocalDate dueDate, LocalDate today) {
        Violations violations = new Violations();
        InformationRequest request = check(message, dueDate, today, violations);
        violations.throwIfAny();
        return Objects.requireNonNull(request);
    }

    /**
     * A request made when a case is opened: none when neither a message nor a due date is given, else
     * both are required, as for any request. Adds what is wrong to {@code violations}.
     */
    public static @Nullable InformationRequest optional(
            @Nullable String message, @Nullable LocalDate dueDate, LocalDate today, Violations violations) {
        if ((message == null || message.isBlank()) && dueDate == null) {
            return null;
        }
        return check(message, dueDate, today, violations);
    }

    private static @Nullable InformationRequest check(
            @Nullable String message, @Nullable LocalDate dueDate, LocalDate today, Violations violations) {
        int before = violations.list().size();
        String text = violations.requireText("message", message, MAX_MESSAGE);
        violations.require("dueDate", dueDate);
        if (dueDate != null && dueDate.isBefore(today)) {
            violations.add("dueDate", "DUE_DATE_IN_PAST", dueDate, today);
        }
        if (violations.list().size() > before || text == null || dueDate == null) {
            return null;
        }
        return new InformationRequest(text, dueDate);
    }
}
