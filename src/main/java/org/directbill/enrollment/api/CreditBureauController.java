package org.directbill.enrollment.api;

import java.math.BigDecimal;
import org.directbill.enrollment.CreditBureauWebhook;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.HmacSigner;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The credit bureau's webhook. No user signs in here (the security configuration lets it through);
 * the HMAC signature authenticates the bureau. The body is taken as raw bytes, so the signature is
 * checked over exactly what was sent, before it is parsed.
 */
@RestController
@RequestMapping("/api/v1")
class CreditBureauController {

    private final CreditBureauWebhook webhook;

    CreditBureauController(CreditBureauWebhook webhook) {
        this.webhook = webhook;
    }

    /** What the bureau hears back: where the enrollment stands after its decision. */
    record DecisionResponse(
            String enrollmentId,
            String status,
            long version,
            @Nullable String creditLimitUsd) {
        static DecisionResponse of(Enrollment enrollment) {
            BigDecimal limit = enrollment.creditLimitUsd();
            return new DecisionResponse(
                    enrollment.id().toString(),
                    enrollment.status().name(),
                    enrollment.version(),
                    limit == null ? null : limit.toPlainString());
        }
    }

    @PostMapping("/credit-bureau/decisions")
    DecisionResponse decision(
            @RequestHeader(name = HmacSigner.TIMESTAMP_HEADER, required = false) @Nullable String timestamp,
            @RequestHeader(name = HmacSigner.SIGNATURE_HEADER, required = false) @Nullable String signature,
            @RequestBody(required = false) byte @Nullable [] body) {
        return DecisionResponse.of(webhook.receive(timestamp, signature, body == null ? new byte[0] : body));
    }
}
