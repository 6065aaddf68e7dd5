package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ledger lines that share everything the revenue computation looks at — location, billing date,
 * category, currency, paid date, verification state — with their amounts summed (exactly, in
 * their currency) and counted: the shape of a ledger rollup. A single line is a group of one.
 *
 * <p>Lines of one group always fall into the same month, convert at the same rate and are counted
 * or excluded for the same reason, so grouping them changes no figure of the result.
 */
public record RevenueGroup(
        String locationId,
        LocalDate billingDate,
        ProductCategory category,
        String currency,
        @Nullable LocalDate paidDate,
        VerificationState verification,
        BigDecimal amount,
        long lines) {

    public RevenueGroup {
        Objects.requireNonNull(locationId);
        Objects.requireNonNull(billingDate);
        Objects.requireNonNull(category);
        Objects.requireNonNull(currency);
        Objects.requireNonNull(verification);
        Objects.requireNonNull(amount);
        if (lines < 1) {
            throw new IllegalArgumentException("a group holds at least one line: " + lines);
        }
    }

    public static RevenueGroup of(RevenueLine line) {
        return line.toGroup();
    }

    /**
     * Why these lines are left out of the revenue as of a date, the first reason that applies, or
     * {@code null} when they count: a category not counted, then a rejection in verification, then
     * no payment on or before the as-of date.
     */
    public @Nullable ExclusionReason exclusion(LocalDate asOf, TtmParameters parameters) {
        if (!parameters.counts(category)) {
            return ExclusionReason.CATEGORY;
        }
        if (verification == VerificationState.REJECTED) {
            return ExclusionReason.REJECTED;
        }
        if (paidDate == null || paidDate.isAfter(asOf)) {
            return ExclusionReason.UNPAID;
        }
        return null;
    }
}
