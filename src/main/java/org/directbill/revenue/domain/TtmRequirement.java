package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The {@code TTM_REVENUE} requirement: the trailing-twelve-month revenue reaches a threshold in US
 * dollars (domain.md, TTM step 6 and "Verification of sales"). The rule, in order:
 *
 * <ol>
 *   <li>A line that would count has no usable exchange rate: {@code PENDING} ({@link
 *       Reason#RATES_MISSING}). Its amount is unknown and could decide either way, so it is never
 *       MET nor NOT_MET until the rate arrives.
 *   <li>The exact (unrounded) total is compared with the threshold twice: with every sale still
 *       under verification counted (the total) and with every one left out (the total less the
 *       open amount). When both reach the threshold: {@code MET} ({@link Reason#THRESHOLD_MET}).
 *   <li>When neither does: {@code NOT_MET} ({@link Reason#BELOW_THRESHOLD}).
 *   <li>Otherwise the open sales decide: {@code PENDING} ({@link Reason#OPEN_SALES_DECIDE}).
 * </ol>
 *
 * With no sale open the two figures are the same and the answer is MET or NOT_MET. Open sales count
 * as a block (all in or all out); when their net amount is negative (open credits), leaving them
 * out is what raises the total, and the rule takes that into account.
 */
public record TtmRequirement(BigDecimal thresholdUsd) {

    public TtmRequirement {
        Objects.requireNonNull(thresholdUsd);
        if (thresholdUsd.signum() < 0) {
            throw new IllegalArgumentException("a threshold is not negative: " + thresholdUsd);
        }
    }

    public enum Status {
        MET,
        NOT_MET,
        PENDING
    }

    public enum Reason {
        THRESHOLD_MET,
        BELOW_THRESHOLD,
        OPEN_SALES_DECIDE,
        RATES_MISSING
    }

    /**
     * The verdict and the figures behind it: the total (open sales counted), the threshold, the
     * part of the total still under verification, and the rates still missing.
     */
    public record Evaluation(
            Status status,
            Reason reason,
            UsdAmount total,
            BigDecimal thresholdUsd,
            UsdAmount openAmount,
            long linesAwaitingRate,
            List<RevenueResult.MissingRate> missingRates) {

        public Evaluation {
            Objects.requireNonNull(status);
            Objects.requireNonNull(reason);
            Objects.requireNonNull(total);
            Objects.requireNonNull(thresholdUsd);
            Objects.requireNonNull(openAmount);
            missingRates = List.copyOf(missingRates);
        }
    }

    public Evaluation evaluate(RevenueResult revenue) {
        BigDecimal withOpen = revenue.total().exact();
        BigDecimal withoutOpen = withOpen.subtract(revenue.openAmount().exact());
        BigDecimal worst = withOpen.min(withoutOpen);
        BigDecimal best = withOpen.max(withoutOpen);
        Reason reason;
        if (revenue.linesAwaitingRate() > 0) {
            reason = Reason.RATES_MISSING;
        } else if (worst.compareTo(thresholdUsd) >= 0) {
            reason = Reason.THRESHOLD_MET;
        } else if (best.compareTo(thresholdUsd) < 0) {
            reason = Reason.BELOW_THRESHOLD;
        } else {
            reason = Reason.OPEN_SALES_DECIDE;
        }
        Status status = switch (reason) {
            case THRESHOLD_MET -> Status.MET;
            case BELOW_THRESHOLD -> Status.NOT_MET;
            case OPEN_SALES_DECIDE, RATES_MISSING -> Status.PENDING;
        };
        return new Evaluation(
                status,
                reason,
                revenue.total(),
                thresholdUsd,
                revenue.openAmount(),
                revenue.linesAwaitingRate(),
                revenue.missingRates());
    }
}
