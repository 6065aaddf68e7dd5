package org.directbill.revenue.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A partner's trailing-twelve-month revenue as of a date (domain.md, TTM; api.md, Revenue), every
 * amount in US dollars, each kept exact and shown rounded to cents from its own exact sum.
 *
 * @param asOf the date the revenue is computed for
 * @param windowStart the first month counted
 * @param windowEnd the last month counted
 * @param total the counted revenue: the lines billed in the window, of a counted category, not
 *     rejected, paid on or before {@code asOf}, with a usable exchange rate
 * @param months one subtotal per month of the window, oldest first, every month present
 * @param byLocation the counted revenue of each location that has a line billed in the window
 *     (zero when all its lines were left out), sorted by location ID
 * @param excluded the lines billed in the window and left out, each under the first reason that
 *     applies; every reason is listed, in the order of {@link ExclusionReason}, with zero lines when
 *     none applies. The amount leaves out lines without a usable rate (they are in {@code
 *     missingRates}), but {@code lines} counts them.
 * @param missingRates each (currency, billing date) of a line billed in the window that has no usable
 *     rate, counted or excluded, sorted by currency then date
 * @param linesAwaitingRate the lines that would count but are out of the total for want of a rate:
 *     while there are any, the revenue cannot be said to meet a threshold
 * @param verification the lines billed in the window by verification state (lines never selected are
 *     in none of the counts), whatever their category or payment
 * @param openAmount the part of {@code total} from sales still under verification
 */
public record RevenueResult(
        LocalDate asOf,
        YearMonth windowStart,
        YearMonth windowEnd,
        UsdAmount total,
        List<MonthTotal> months,
        List<LocationTotal> byLocation,
        List<Exclusion> excluded,
        List<MissingRate> missingRates,
        long linesAwaitingRate,
        VerificationCounts verification,
        UsdAmount openAmount) {

    public RevenueResult {
        Objects.requireNonNull(asOf);
        Objects.requireNonNull(windowStart);
        Objects.requireNonNull(windowEnd);
        Objects.requireNonNull(total);
        months = List.copyOf(months);
        byLocation = List.copyOf(byLocation);
        excluded = List.copyOf(excluded);
        missingRates = List.copyOf(missingRates);
        Objects.requireNonNull(verification);
        Objects.requireNonNull(openAmount);
    }

    public TtmWindow window() {
        return new TtmWindow(windowStart, windowEnd);
    }

    /** The exclusion listed under a reason (every reason is listed). */
    public Exclusion excluded(ExclusionReason reason) {
        return excluded.stream()
                .filter(exclusion -> exclusion.reason() == reason)
                .findFirst()
                .orElseThrow();
    }

    public record MonthTotal(YearMonth month, UsdAmount amount) {

        public MonthTotal {
            Objects.requireNonNull(month);
            Objects.requireNonNull(amount);
        }
    }

    public record LocationTotal(String locationId, UsdAmount amount) {

        public LocationTotal {
            Objects.requireNonNull(locationId);
            Objects.requireNonNull(amount);
        }
    }

    public record Exclusion(ExclusionReason reason, long lines, UsdAmount amount) {

        public Exclusion {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(amount);
        }
    }

    /** No usable rate for this currency on this billing date. */
    public record MissingRate(String currency, LocalDate date) {

        public MissingRate {
            Objects.requireNonNull(currency);
            Objects.requireNonNull(date);
        }
    }

    /** Lines billed in the window that were selected for verification, by where they stand. */
    public record VerificationCounts(long open, long verified, long rejected) {}
}
