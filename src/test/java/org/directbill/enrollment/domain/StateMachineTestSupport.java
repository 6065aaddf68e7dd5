package org.directbill.enrollment.domain;

import java.time.LocalDate;

/** Enrollments in a status since a day, for the calendar rules. */
final class StateMachineTestSupport {

    private StateMachineTestSupport() {}

    static Enrollment since(EnrollmentStatus status, LocalDate day) {
        Enrollment e = StateMachineTest.in(status);
        return new Enrollment(
                e.id(),
                e.partnerId(),
                e.market(),
                status,
                e.version(),
                e.policyId(),
                e.submittedOn(),
                e.evaluationId(),
                day,
                e.creditLimitUsd(),
                e.checklist(),
                e.acceptance(),
                e.createdAt(),
                e.createdBy());
    }
}
