package org.directbill.enrollment.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentRecords;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.SupportPlanGuard;
import org.springframework.stereotype.Component;

/**
 * The seeds' rule, twice said: do not buy a support plan during the credit check (domain.md,
 * enrollment step 5). While an enrollment of the partner is IN_REVIEW, INFO_REQUESTED or
 * CREDIT_CHECK, a plan bought on or after its submission is refused; one bought before it (for
 * another reason) is accepted and flagged for operations.
 */
@Component
class CreditCheckGuard implements SupportPlanGuard {

    private final EnrollmentRecords records;

    CreditCheckGuard(EnrollmentRecords records) {
        this.records = records;
    }

    @Override
    public Verdict check(PartnerId partner, LocalDate purchasedOn) {
        List<Enrollment> waiting = records.ofPartner(partner, EnrollmentStatus.BEFORE_CREDIT_APPROVAL);
        if (waiting.isEmpty()) {
            return Verdict.accept();
        }
        LocalDate submitted = earliest(waiting).submittedOn();
        if (submitted == null || !purchasedOn.isBefore(submitted)) {
            return Verdict.refuse("CREDIT_CHECK_NOT_PASSED");
        }
        return Verdict.acceptFlagged("BOUGHT_BEFORE_ENROLLMENT_SUBMITTED");
    }

    /** The enrollment whose submission date {@link #check} measures against, said for the pages. */
    @Override
    public Optional<Waiting> waiting(PartnerId partner) {
        List<Enrollment> waiting = records.ofPartner(partner, EnrollmentStatus.BEFORE_CREDIT_APPROVAL);
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        Enrollment earliest = earliest(waiting);
        LocalDate since = earliest.submittedOn() == null ? earliest.statusSince() : earliest.submittedOn();
        return Optional.of(new Waiting(earliest.market(), since, earliest.status() == EnrollmentStatus.CREDIT_CHECK));
    }

    private static Enrollment earliest(List<Enrollment> waiting) {
        return waiting.stream()
                .filter(enrollment -> enrollment.submittedOn() != null)
                .min(Comparator.comparing(Enrollment::submittedOn))
                .orElse(waiting.get(0));
    }
}
