package org.directbill.compliance.domain;

import java.time.Instant;
import java.util.Objects;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * An action the authorization decision refused, as kept (domain.md: "every refusal is kept"): which
 * partner (and location, when it asked by location), what, the status judged on, why, who asked and
 * when.
 */
public record Refusal(
        PartnerId partnerId,
        @Nullable String locationId,
        PartnerAction action,
        DirectBillStatus status,
        RefusalCode code,
        String caller,
        Instant decidedAt) {

    public Refusal {
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(action);
        Objects.requireNonNull(status);
        Objects.requireNonNull(code);
        Objects.requireNonNull(caller);
        Objects.requireNonNull(decidedAt);
    }
}
