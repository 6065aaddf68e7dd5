package org.directbill.enrollment;

import java.time.LocalDate;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.partner.domain.PartnerId;

/** A partner became a direct-bill partner in a market: compliance starts watching it. */
public record EnrollmentActivated(
        EnrollmentId enrollmentId, PartnerId partnerId, String market, LocalDate activatedOn) {}
