package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One ledger line as the revenue computation sees it: the columns of ledger-format.md that decide
 * revenue, and where its verification stands. The computation takes {@link RevenueGroup}s; a line
 * is a group of one ({@link #toGroup()}).
 */
public record RevenueLine(
        String lineId,
        String locationId,
        ProductCategory category,
        LocalDate billingDate,
        @Nullable LocalDate paidDate,
        BigDecimal amount,
        String currency,
        VerificationState verification) {

    public RevenueLine {
        Objects.requireNonNull(lineId);
        Objects.requireNonNull(locationId);
        Objects.requireNonNull(category);
        Objects.requireNonNull(billingDate);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(currency);
        Objects.requireNonNull(verification);
    }

    public RevenueGroup toGroup() {
        return new RevenueGroup(locationId, billingDate, category, currency, paidDate, verification, amount, 1);
    }
}
