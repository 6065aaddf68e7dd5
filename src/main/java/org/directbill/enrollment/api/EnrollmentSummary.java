package org.directbill.enrollment.api;

import java.time.LocalDate;
import org.directbill.enrollment.domain.Enrollment;
import org.jspecify.annotations.Nullable;

/** One enrollment in a list. */
record EnrollmentSummary(
        String id,
        String partnerId,
        String market,
        String status,
        LocalDate statusSince,
        @Nullable LocalDate submittedOn) {

    static EnrollmentSummary of(Enrollment e) {
        return new EnrollmentSummary(
                e.id().toString(),
                e.partnerId().toString(),
                e.market(),
                e.status().name(),
                e.statusSince(),
                e.submittedOn());
    }
}
