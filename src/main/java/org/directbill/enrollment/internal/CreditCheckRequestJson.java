package org.directbill.enrollment.internal;

import java.util.UUID;
import org.directbill.enrollment.domain.CreditCheckRequest;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.partner.domain.Address;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/** A credit check request as JSON: what the bureau receives, and what the outbox stores. */
record CreditCheckRequestJson(
        String requestId,
        String enrollmentId,
        String partnerId,
        String legalName,
        String country,
        @Nullable String registrationId,
        Address address,
        String market,
        String callbackUrl) {

    static CreditCheckRequestJson of(CreditCheckRequest request) {
        return new CreditCheckRequestJson(
                request.requestId().toString(),
                request.enrollmentId().toString(),
                request.partnerId().toString(),
                request.legalName(),
                request.country(),
                request.registrationId(),
                request.address(),
                request.market(),
                request.callbackUrl());
    }

    CreditCheckRequest toRequest() {
        return new CreditCheckRequest(
                UUID.fromString(requestId),
                new EnrollmentId(UUID.fromString(enrollmentId)),
                new PartnerId(UUID.fromString(partnerId)),
                legalName,
                country,
                registrationId,
                address,
                market,
                callbackUrl);
    }
}
