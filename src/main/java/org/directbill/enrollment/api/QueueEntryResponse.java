package org.directbill.enrollment.api;

import java.time.LocalDate;
import org.directbill.enrollment.EnrollmentQueue;
import org.directbill.enrollment.domain.Enrollment;
import org.jspecify.annotations.Nullable;

/** One line of the operations queue. */
record QueueEntryResponse(
        String id,
        String partnerId,
        String legalName,
        String market,
        String status,
        LocalDate statusSince,
        @Nullable LocalDate submittedOn,
        EnrollmentResponse.@Nullable ServiceLevelResponse serviceLevel,
        boolean overdue) {

    static QueueEntryResponse of(EnrollmentQueue.Entry entry) {
        Enrollment e = entry.enrollment();
        return new QueueEntryResponse(
                e.id().toString(),
                e.partnerId().toString(),
                entry.legalName(),
                e.market(),
                e.status().name(),
                e.statusSince(),
                e.submittedOn(),
                EnrollmentResponse.ServiceLevelResponse.of(entry.serviceLevel(), entry.asOf()),
                entry.overdue());
    }
}
