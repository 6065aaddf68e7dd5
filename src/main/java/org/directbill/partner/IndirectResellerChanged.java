package org.directbill.partner;

import java.time.LocalDate;
import java.util.Objects;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * The date since which a partner is an indirect reseller was set, changed or cleared, published in
 * the profile change's transaction (compliance keeps it beside the direct-bill status, where the
 * authorization decision reads it).
 */
public record IndirectResellerChanged(
        PartnerId partnerId, @Nullable LocalDate since) {

    public IndirectResellerChanged {
        Objects.requireNonNull(partnerId);
    }
}
