package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random ledgers (fixed seed, so a failure always comes back): the calculator gives the same result
 * to the last digit on the lines one by one and on the lines summed into rollup groups, and the same
 * figures as a naive recomputation that converts each line on its own and checks every rule in the
 * plainest way.
 */
class TtmCalculatorRandomizedTest {

    static final long SEED = 20201027L;
    static final int LEDGERS = 400;
    static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY", "GBP", "CHF");
    static final List<String> LOCATIONS = List.of("1000001", "2000002", "30000003", "9999999999");
    static final BigDecimal TOLERANCE = new BigDecimal("1E-24");

    /** A rate for each currency and day, varying from day to day; CHF has none, GBP none on the 13th. */
    static final UsdRates RATES = (currency, date) -> {
        if (currency.equals("CHF") || (currency.equals("GBP") && date.getDayOfMonth() == 13)) {
            return Optional.empty();
        }
        BigDecimal usdPerEur = new BigDecimal("1.0500").add(new BigDecimal(date.getDayOfYear() % 37).movePointLeft(3));
        BigDecimal perEur = switch (currency) {
            case "EUR" -> BigDecimal.ONE;
            case "JPY" -> new BigDecimal("117.3").add(new BigDecimal(date.toEpochDay() % 13 * 37).movePointLeft(2));
            case "GBP" -> new BigDecimal("0.8411").add(new BigDecimal(date.getDayOfMonth()).movePointLeft(4));
            default -> throw new IllegalStateException(currency);
        };
        return Optional.of(new UsdRate(currency, date.minusDays(date.getDayOfMonth() % 4), usdPerEur, perEur));
    };

    @Test
    void lines_rollup_groups_and_a_naive_recomputation_agree_on_random_ledgers() {
        Random random = new Random(SEED);
        TtmCalculator calculator = new TtmCalculator(RATES);
        Coverage coverage = new Coverage();

        for (int i = 0; i < LEDGERS; i++) {
            LocalDate asOf = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(4 * 365));
            TtmParameters parameters = parameters(random);
            List<RevenueLine> lines = ledger(random, asOf);
            List<RevenueGroup> groups = rollup(lines, random);

            RevenueResult byLine = calculator.compute(
                    asOf, parameters, lines.stream().map(RevenueLine::toGroup).toList());
            RevenueResult byGroup = calculator.compute(asOf, parameters, groups);
            Naive naive = Naive.compute(asOf, parameters, lines);

            String ledger = "ledger " + i + " as of " + asOf + " with " + parameters;
            assertThat(byGroup).as(ledger).isEqualTo(byLine);
            naive.assertAgreesWith(byLine, ledger);
            coverage.add(byLine, lines.size(), groups.size());
        }

        coverage.assertEveryRuleWasExercised();
    }

    static TtmParameters parameters(Random random) {
        if (random.nextBoolean()) {
            return TtmParameters.defaults();
        }
        int[] months = {12, 3, 24, 1};
        int[] refreshDays = {8, 1, 15, 28, 31};
        EnumSet<ProductCategory> counted = EnumSet.noneOf(ProductCategory.class);
        for (ProductCategory category : ProductCategory.values()) {
            if (random.nextInt(3) > 0) {
                counted.add(category);
            }
        }
        return TtmParameters.of(
                months[random.nextInt(months.length)], refreshDays[random.nextInt(refreshDays.length)], counted);
    }

    /** Up to 80 lines over a few dates, half of them like an earlier one but for the amount (a rollup group). */
    static List<RevenueLine> ledger(Random random, LocalDate asOf) {
        List<LocalDate> billingDates = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) {
            LocalDate billed = asOf.minusDays(random.nextInt(31 * 27));
            billingDates.add(
                    switch (random.nextInt(4)) {
                        case 0 -> billed.withDayOfMonth(1);
                        case 1 -> YearMonth.from(billed).atEndOfMonth();
                        default -> billed;
                    });
        }
        List<RevenueLine> lines = new ArrayList<>();
        for (int i = 0, n = random.nextInt(81); i < n; i++) {
            if (!lines.isEmpty() && random.nextBoolean()) {
                RevenueLine like = lines.get(random.nextInt(lines.size()));
                lines.add(new RevenueLine(
                        "line-" + i,
                        like.locationId(),
                        like.category(),
                        like.billingDate(),
                        like.paidDate(),
                        amount(random),
                        like.currency(),
                        like.verification()));
                continue;
            }
            LocalDate billed = billingDates.get(random.nextInt(billingDates.size()));
            LocalDate paid = switch (random.nextInt(8)) {
                case 0, 1 -> null;
                case 2 -> asOf;
                case 3 -> asOf.plusDays(1);
                default -> billed.plusDays(random.nextInt(4) * 30L);
            };
            lines.add(new RevenueLine(
                    "line-" + i,
                    LOCATIONS.get(random.nextInt(LOCATIONS.size())),
                    ProductCategory.values()[random.nextInt(ProductCategory.values().length)],
                    billed,
                    paid,
                    amount(random),
                    CURRENCIES.get(random.nextInt(CURRENCIES.size())),
                    verification(random)));
        }
        return lines;
    }

    /** Up to 4 decimals and any scale from 0 to 4, a credit about one time in six. */
    static BigDecimal amount(Random random) {
        int scale = random.nextInt(5);
        long unscaled = (long) (random.nextDouble() * Math.pow(10, 2 + random.nextInt(7)));
        if (random.nextInt(6) == 0) {
            unscaled = -unscaled;
        }
        return new BigDecimal(BigInteger.valueOf(unscaled), scale);
    }

    static VerificationState verification(Random random) {
        int draw = random.nextInt(10);
        return draw < 6
                ? VerificationState.NONE
                : draw < 8
                        ? VerificationState.OPEN
                        : draw < 9 ? VerificationState.VERIFIED : VerificationState.REJECTED;
    }

    /** What a rollup table would hold: the lines summed per group key, in no particular order. */
    static List<RevenueGroup> rollup(List<RevenueLine> lines, Random random) {
        Map<List<Object>, RevenueGroup> groups = new LinkedHashMap<>();
        for (RevenueLine line : lines) {
            List<Object> key = Arrays.asList(
                    line.locationId(),
                    line.billingDate(),
                    line.category(),
                    line.currency(),
                    line.paidDate(),
                    line.verification());
            groups.merge(
                    key,
                    line.toGroup(),
                    (a, b) -> new RevenueGroup(
                            a.locationId(),
                            a.billingDate(),
                            a.category(),
                            a.currency(),
                            a.paidDate(),
                            a.verification(),
                            a.amount().add(b.amount()),
                            a.lines() + b.lines()));
        }
        List<RevenueGroup> shuffled = new ArrayList<>(groups.values());
        Collections.shuffle(shuffled, random);
        return shuffled;
    }

    /** The rules of domain.md applied line by line, each line converted on its own, with no shortcut. */
    record Naive(
            YearMonth start,
            YearMonth end,
            BigDecimal total,
            Map<YearMonth, BigDecimal> months,
            Map<String, BigDecimal> locations,
            Map<ExclusionReason, Long> excludedLines,
            Map<ExclusionReason, BigDecimal> excludedAmounts,
            TreeSet<String> missingRates,
            long linesAwaitingRate,
            long open,
            long verified,
            long rejected,
            BigDecimal openAmount) {

        static Naive compute(LocalDate asOf, TtmParameters parameters, List<RevenueLine> lines) {
            YearMonth end = YearMonth.from(asOf);
            if (asOf.getDayOfMonth() >= parameters.refreshDay()) {
                end = end.minusMonths(1);
            } else {
                end = end.minusMonths(2);
            }
            YearMonth start = end.minusMonths(parameters.windowMonths() - 1L);
            Map<YearMonth, BigDecimal> months = new TreeMap<>();
            for (YearMonth month = start; !month.isAfter(end); month = month.plusMonths(1)) {
                months.put(month, BigDecimal.ZERO);
            }
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal openAmount = BigDecimal.ZERO;
            Map<String, BigDecimal> locations = new TreeMap<>();
            Map<ExclusionReason, Long> excludedLines = new EnumMap<>(ExclusionReason.class);
            Map<ExclusionReason, BigDecimal> excludedAmounts = new EnumMap<>(ExclusionReason.class);
            for (ExclusionReason reason : ExclusionReason.values()) {
                excludedLines.put(reason, 0L);
                excludedAmounts.put(reason, BigDecimal.ZERO);
            }
            TreeSet<String> missing = new TreeSet<>();
            long awaiting = 0;
            long open = 0;
            long verified = 0;
            long rejected = 0;

            for (RevenueLine line : lines) {
                YearMonth month = YearMonth.from(line.billingDate());
                if (month.isBefore(start) || month.isAfter(end)) {
                    continue;
                }
                switch (line.verification()) {
                    case OPEN -> open++;
                    case VERIFIED -> verified++;
                    case REJECTED -> rejected++;
                    case NONE -> {}
                }
                locations.putIfAbsent(line.locationId(), BigDecimal.ZERO);

                ExclusionReason reason = null;
                if (!parameters.countedCategories().contains(line.category())) {
                    reason = ExclusionReason.CATEGORY;
                } else if (line.verification() == VerificationState.REJECTED) {
                    reason = ExclusionReason.REJECTED;
                } else if (line.paidDate() == null || line.paidDate().isAfter(asOf)) {
                    reason = ExclusionReason.UNPAID;
                }
                if (reason != null) {
                    excludedLines.merge(reason, 1L, Long::sum);
                }

                BigDecimal usd;
                if (line.currency().equals("USD")) {
                    usd = line.amount();
                } else {
                    Optional<UsdRate> rate = RATES.on(line.currency(), line.billingDate());
                    if (rate.isEmpty()) {
                        missing.add(line.currency() + " " + line.billingDate());
                        if (reason == null) {
                            awaiting++;
                        }
                        continue;
                    }
                    usd = line.amount()
                            .multiply(rate.get().usdPerEur(), UsdRate.PRECISION)
                            .divide(rate.get().currencyPerEur(), UsdRate.PRECISION);
                }

                if (reason != null) {
                    excludedAmounts.merge(reason, usd, BigDecimal::add);
                    continue;
                }
                total = total.add(usd);
                months.merge(month, usd, BigDecimal::add);
                locations.merge(line.locationId(), usd, BigDecimal::add);
                if (line.verification() == VerificationState.OPEN) {
                    openAmount = openAmount.add(usd);
                }
            }
            return new Naive(
                    start,
                    end,
                    total,
                    months,
                    locations,
                    excludedLines,
                    excludedAmounts,
                    missing,
                    awaiting,
                    open,
                    verified,
                    rejected,
                    openAmount);
        }

        void assertAgreesWith(RevenueResult result, String ledger) {
            assertThat(result.windowStart()).as(ledger).isEqualTo(start);
            assertThat(result.windowEnd()).as(ledger).isEqualTo(end);
            assertSame(result.total(), total, ledger + ": total");
            assertSame(result.openAmount(), openAmount, ledger + ": open amount");
            assertThat(result.months()).as(ledger).hasSize(months.size());
            for (RevenueResult.MonthTotal month : result.months()) {
                assertSame(month.amount(), Objects.requireNonNull(months.get(month.month())), ledger + ": " + month);
            }
            assertThat(result.byLocation())
                    .as(ledger)
                    .extracting(RevenueResult.LocationTotal::locationId)
                    .containsExactlyElementsOf(locations.keySet());
            for (RevenueResult.LocationTotal location : result.byLocation()) {
                assertSame(
                        location.amount(),
                        Objects.requireNonNull(locations.get(location.locationId())),
                        ledger + ": " + location);
            }
            assertThat(result.excluded())
                    .as(ledger)
                    .extracting(RevenueResult.Exclusion::reason)
                    .containsExactly(ExclusionReason.values());
            for (RevenueResult.Exclusion exclusion : result.excluded()) {
                assertThat(exclusion.lines()).as(ledger).isEqualTo(excludedLines.get(exclusion.reason()));
                assertSame(
                        exclusion.amount(),
                        Objects.requireNonNull(excludedAmounts.get(exclusion.reason())),
                        ledger + ": " + exclusion);
            }
            assertThat(result.missingRates())
                    .as(ledger)
                    .extracting(missing -> missing.currency() + " " + missing.date())
                    .containsExactlyElementsOf(missingRates);
            assertThat(result.linesAwaitingRate()).as(ledger).isEqualTo(linesAwaitingRate);
            assertThat(result.verification())
                    .as(ledger)
                    .isEqualTo(new RevenueResult.VerificationCounts(open, verified, rejected));
        }

        /** The same cents, and the same exact value but for the roundings of the line-by-line conversion. */
        static void assertSame(UsdAmount actual, BigDecimal naive, String what) {
            assertThat(actual.rounded()).as(what).isEqualTo(naive.setScale(2, RoundingMode.HALF_EVEN));
            assertThat(actual.exact().subtract(naive).abs()).as(what).isLessThan(TOLERANCE);
        }
    }

    /** Proof that the random ledgers reach every rule, so that agreeing means something. */
    static final class Coverage {

        long lines;
        long groups;
        long missingRates;
        long awaiting;
        long openLines;
        long negativeTotals;
        long emptyMonths;
        final Map<ExclusionReason, Long> excluded = new EnumMap<>(ExclusionReason.class);

        void add(RevenueResult result, int lineCount, int groupCount) {
            lines += lineCount;
            groups += groupCount;
            missingRates += result.missingRates().size();
            awaiting += result.linesAwaitingRate();
            openLines += result.verification().open();
            negativeTotals += result.total().exact().signum() < 0 ? 1 : 0;
            emptyMonths += result.months().stream()
                    .filter(month -> month.amount().exact().signum() == 0)
                    .count();
            result.excluded().forEach(exclusion -> excluded.merge(exclusion.reason(), exclusion.lines(), Long::sum));
        }

        void assertEveryRuleWasExercised() {
            assertThat(groups).as("lines shared groups").isLessThan(lines * 3 / 4);
            assertThat(missingRates).isPositive();
            assertThat(awaiting).isPositive();
            assertThat(openLines).isPositive();
            assertThat(negativeTotals).isPositive();
            assertThat(emptyMonths).isPositive();
            assertThat(excluded.values())
                    .hasSize(3)
                    .allSatisfy(count -> assertThat(count).isPositive());
        }
    }
}
