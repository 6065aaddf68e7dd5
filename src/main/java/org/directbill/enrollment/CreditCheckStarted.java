package org.directbill.enrollment;

import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.partner.domain.PartnerId;

/**
 * An enrollment entered CREDIT_CHECK; published inside that change's transaction, so a credit bureau
 * request is queued exactly when the step commits.
 */
public record CreditCheckStarted(EnrollmentId enrollmentId, PartnerId partnerId, String market) {}
