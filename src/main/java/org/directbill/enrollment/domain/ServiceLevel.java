package org.directbill.enrollment.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The time allowed for the step an enrollment waits on (domain.md: "verification about 5 business
 * days"; the credit check is overdue after 5 business days; the partner's answer is due on the date
 * the reviewer set). Overdue the day after the deadline.
 */
public record ServiceLevel(Kind kind, LocalDate deadline) {

    public static final int VERIFICATION_BUSINESS_DAYS = 5;
    public static final int CREDIT_CHECK_BUSINESS_DAYS = 5;

    public enum Kind {
        /** Operations verify the company. */
        VERIFICATION,
        /** The partner answers an information request. */
        PARTNER_ANSWER,
        /** A credit analyst, or the bureau, decides. */
        CREDIT_CHECK
    }

    public ServiceLevel {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(deadline);
    }

    /** The service level running for an enrollment, with its open information request if any. */
    public static Optional<ServiceLevel> of(Enrollment enrollment, @Nullable InfoRequest open) {
        return switch (enrollment.status()) {
            case IN_REVIEW ->
                Optional.of(new ServiceLevel(
                        Kind.VERIFICATION, BusinessDays.plus(enrollment.statusSince(), VERIFICATION_BUSINESS_DAYS)));
            case INFO_REQUESTED ->
                Optional.ofNullable(open).map(request -> new ServiceLevel(Kind.PARTNER_ANSWER, request.dueDate()));
            case CREDIT_CHECK ->
                Optional.of(new ServiceLevel(
                        Kind.CREDIT_CHECK, BusinessDays.plus(enrollment.statusSince(), CREDIT_CHECK_BUSINESS_DAYS)));
            default -> Optional.empty();
        };
    }

    public boolean overdue(LocalDate asOf) {
        return asOf.isAfter(deadline);
    }

    /** Business days left until the deadline; negative once past it. */
    public int businessDaysLeft(LocalDate asOf) {
        return BusinessDays.between(asOf, deadline);
    }
}
