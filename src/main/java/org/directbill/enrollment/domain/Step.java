package org.directbill.enrollment.domain;

import static org.directbill.enrollment.domain.EnrollmentStatus.CREDIT_APPROVED;
import static org.directbill.enrollment.domain.EnrollmentStatus.CREDIT_CHECK;
import static org.directbill.enrollment.domain.EnrollmentStatus.CREDIT_DECLINED;
import static org.directbill.enrollment.domain.EnrollmentStatus.DRAFT;
import static org.directbill.enrollment.domain.EnrollmentStatus.INFO_REQUESTED;
import static org.directbill.enrollment.domain.EnrollmentStatus.IN_REVIEW;
import static org.directbill.enrollment.domain.EnrollmentStatus.REJECTED;
import static org.directbill.enrollment.domain.EnrollmentStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every move of the workflow, the statuses it may start from and where it leads: the whole state
 * machine in one table. {@code CREATE} starts the history; it has no status before it.
 */
public enum Step {
    CREATE(EnumSet.noneOf(EnrollmentStatus.class), DRAFT),
    SUBMIT(EnumSet.of(DRAFT), IN_REVIEW),
    REQUEST_INFO(EnumSet.of(IN_REVIEW), INFO_REQUESTED),
    ANSWER_INFO(EnumSet.of(INFO_REQUESTED), IN_REVIEW),
    VERIFY(EnumSet.of(IN_REVIEW), CREDIT_CHECK),
    /** A reviewer may reject while the partner still owes an answer: what it may say will not change that. */
    REJECT(EnumSet.of(IN_REVIEW, INFO_REQUESTED), REJECTED),
    APPROVE_CREDIT(EnumSet.of(CREDIT_CHECK), CREDIT_APPROVED),
    DECLINE_CREDIT(EnumSet.of(CREDIT_CHECK), CREDIT_DECLINED),
    /** Accepting the agreement with every REQUIRED requirement met. */
    ACTIVATE(EnumSet.of(CREDIT_APPROVED), EnrollmentStatus.ACTIVE),
    /** The partner changes its mind, at any point before it is a direct-bill partner. */
    WITHDRAW(EnumSet.of(DRAFT, IN_REVIEW, INFO_REQUESTED, CREDIT_CHECK, CREDIT_APPROVED), WITHDRAWN),
    /** An information request left unanswered past its due date (the system, not a person). */
    EXPIRE(EnumSet.of(INFO_REQUESTED), WITHDRAWN);

    private final Set<EnrollmentStatus> from;
    private final EnrollmentStatus to;

    Step(Set<EnrollmentStatus> from, EnrollmentStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(@Nullable EnrollmentStatus status) {
        return status != null && from.contains(status);
    }

    public Set<EnrollmentStatus> from() {
        return Set.copyOf(from);
    }

    public EnrollmentStatus to() {
        return to;
    }
}
