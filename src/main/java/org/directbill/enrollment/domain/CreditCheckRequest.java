package org.directbill.enrollment.domain;

import java.util.Objects;
import java.util.UUID;
import org.directbill.partner.domain.Address;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * What the credit bureau is asked to check: the company as it was when its enrollment entered
 * CREDIT_CHECK, and where to send the decision.
 *
 * @param requestId the request's own id: the bureau may use it to recognise a request sent again
 */
public record CreditCheckRequest(
        UUID requestId,
        EnrollmentId enrollmentId,
        PartnerId partnerId,
        String legalName,
        String country,
        @Nullable String registrationId,
        Address address,
        String market,
        String callbackUrl) {

    public CreditCheckRequest {
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(enrollmentId);
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(legalName);
        Objects.requireNonNull(country);
        Objects.requireNonNull(address);
        Objects.requireNonNull(market);
        Objects.requireNonNull(callbackUrl);
    }
}
