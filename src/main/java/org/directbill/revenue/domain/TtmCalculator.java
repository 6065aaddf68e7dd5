package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes a partner's trailing-twelve-month revenue as of a date (domain.md, "TTM revenue: how it
 * is computed (exact)") from the ledger lines of its locations, given as {@link RevenueGroup}s
 * (single lines or rollups, in any mix and order). The caller passes the groups of every location
 * of the partner global account; groups billed outside the window are ignored.
 *
 * <p>Amounts are first summed exactly in their currency per (currency, billing date) — one rate —
 * and per figure they contribute to; each such sum is then converted once, at full precision, and
 * the converted sums are added exactly. Conversion being linear, this is the sum of the lines
 * converted one by one, with fewer roundings; and it makes the result the same to the last digit
 * whether the ledger comes as lines or as rollups. Display values are rounded only at the end,
 * each from its own exact sum.
 */
public final class TtmCalculator {

    private static final String USD = "USD";

    private final UsdRates rates;

    public TtmCalculator(UsdRates rates) {
        this.rates = Objects.requireNonNull(rates);
    }

    public RevenueResult compute(LocalDate asOf, TtmParameters parameters, Iterable<RevenueGroup> groups) {
        TtmWindow window = parameters.windowAsOf(asOf);
        Map<RateKey, Sums> sumsByRate = new HashMap<>();
        Map<VerificationState, Long> verification = new EnumMap<>(VerificationState.class);
        Map<ExclusionReason, Long> excludedLines = new EnumMap<>(ExclusionReason.class);
        Map<String, BigDecimal> byLocation = new TreeMap<>();

        for (RevenueGroup group : groups) {
            if (!window.contains(group.billingDate())) {
                continue;
            }
            verification.merge(group.verification(), group.lines(), Long::sum);
            byLocation.putIfAbsent(group.locationId(), BigDecimal.ZERO);
            Sums sums =
                    sumsByRate.computeIfAbsent(new RateKey(group.currency(), group.billingDate()), key -> new Sums());
            ExclusionReason reason = group.exclusion(asOf, parameters);
            if (reason == null) {
                sums.count(group);
            } else {
                excludedLines.merge(reason, group.lines(), Long::sum);
                sums.exclude(reason, group.amount());
            }
        }

        BigDecimal total = BigDecimal.ZERO;
        BigDecimal open = BigDecimal.ZERO;
        Map<YearMonth, BigDecimal> byMonth = new LinkedHashMap<>();
        window.months().forEach(month -> byMonth.put(month, BigDecimal.ZERO));
        Map<ExclusionReason, BigDecimal> excludedAmounts = new EnumMap<>(ExclusionReason.class);
        List<RevenueResult.MissingRate> missingRates = new ArrayList<>();
        long linesAwaitingRate = 0;

        for (Map.Entry<RateKey, Sums> entry : sumsByRate.entrySet()) {
            RateKey key = entry.getKey();
            Sums sums = entry.getValue();
            Optional<UsdRate> rate = rateFor(key);
            if (rate.isEmpty()) {
                missingRates.add(new RevenueResult.MissingRate(key.currency(), key.billingDate()));
                linesAwaitingRate += sums.countedLines;
                continue;
            }
            UsdRate usdRate = rate.get();
            BigDecimal counted = usdRate.toUsd(sums.counted);
            total = total.add(counted);
            byMonth.merge(YearMonth.from(key.billingDate()), counted, BigDecimal::add);
            open = open.add(usdRate.toUsd(sums.open));
            sums.byLocation.forEach(
                    (location, amount) -> byLocation.merge(location, usdRate.toUsd(amount), BigDecimal::add));
            sums.excluded.forEach(
                    (reason, amount) -> excludedAmounts.merge(reason, usdRate.toUsd(amount), BigDecimal::add));
        }

        missingRates.sort(Comparator.comparing(RevenueResult.MissingRate::currency)
                .thenComparing(RevenueResult.MissingRate::date));
        List<RevenueResult.MonthTotal> months = new ArrayList<>();
        byMonth.forEach((month, amount) -> months.add(new RevenueResult.MonthTotal(month, new UsdAmount(amount))));
        List<RevenueResult.LocationTotal> locations = new ArrayList<>();
        byLocation.forEach(
                (location, amount) -> locations.add(new RevenueResult.LocationTotal(location, new UsdAmount(amount))));
        List<RevenueResult.Exclusion> excluded = new ArrayList<>();
        for (ExclusionReason reason : ExclusionReason.values()) {
            excluded.add(new RevenueResult.Exclusion(
                    reason,
                    excludedLines.getOrDefault(reason, 0L),
                    new UsdAmount(excludedAmounts.getOrDefault(reason, BigDecimal.ZERO))));
        }
        return new RevenueResult(
                asOf,
                window.start(),
                window.end(),
                new UsdAmount(total),
                months,
                locations,
                excluded,
                missingRates,
                linesAwaitingRate,
                new RevenueResult.VerificationCounts(
                        verification.getOrDefault(VerificationState.OPEN, 0L),
                        verification.getOrDefault(VerificationState.VERIFIED, 0L),
                        verification.getOrDefault(VerificationState.REJECTED, 0L)),
                new UsdAmount(open));
    }

    /** USD converts at 1 whatever the rates hold; any other currency needs a usable rate. */
    private Optional<UsdRate> rateFor(RateKey key) {
        if (USD.equals(key.currency())) {
            return Optional.of(UsdRate.usd());
        }
        return rates.on(key.currency(), key.billingDate());
    }

    /** The lines that convert at one rate: one currency, one billing date. */
    private record RateKey(String currency, LocalDate billingDate) {}

    /** Exact sums, in the currency of one {@link RateKey}, of what each figure takes from it. */
    private static final class Sums {

        BigDecimal counted = BigDecimal.ZERO;
        BigDecimal open = BigDecimal.ZERO;
        long countedLines;
        final Map<String, BigDecimal> byLocation = new HashMap<>();
        final Map<ExclusionReason, BigDecimal> excluded = new EnumMap<>(ExclusionReason.class);

        void count(RevenueGroup group) {
            counted = counted.add(group.amount());
            countedLines += group.lines();
            byLocation.merge(group.locationId(), group.amount(), BigDecimal::add);
            if (group.verification() == VerificationState.OPEN) {
                open = open.add(group.amount());
            }
        }

        void exclude(ExclusionReason reason, BigDecimal amount) {
            excluded.merge(reason, amount, BigDecimal::add);
        }
    }
}
