package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A sale of a case as a person reviews it: the ledger line and the decision on it. */
public record CaseSale(
        String lineId,
        String invoiceId,
        String locationId,
        String customerId,
        ProductCategory category,
        @Nullable String productName,
        LocalDate billingDate,
        @Nullable LocalDate paidDate,
        BigDecimal amount,
        String currency,
        CaseLine decision) {

    public CaseSale {
        Objects.requireNonNull(lineId);
        Objects.requireNonNull(invoiceId);
        Objects.requireNonNull(locationId);
        Objects.requireNonNull(customerId);
        Objects.requireNonNull(category);
        Objects.requireNonNull(billingDate);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(currency);
        Objects.requireNonNull(decision);
    }

    /** The amount as written: at least two decimals, more only when the ledger has them. */
    public String plainAmount() {
        return CaseSummary.plain(amount);
    }
}
