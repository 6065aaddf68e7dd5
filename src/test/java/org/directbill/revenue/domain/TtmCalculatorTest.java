package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.directbill.revenue.domain.Sale.AS_OF;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.directbill.revenue.domain.RevenueResult.Exclusion;
import org.directbill.revenue.domain.RevenueResult.LocationTotal;
import org.directbill.revenue.domain.RevenueResult.MissingRate;
import org.directbill.revenue.domain.RevenueResult.MonthTotal;
import org.directbill.revenue.domain.RevenueResult.VerificationCounts;
import org.junit.jupiter.api.Test;

/**
 * The trailing-twelve-month revenue, rule by rule (domain.md, "TTM revenue: how it is computed
 * (exact)"). As of 2020-09-09 the window is 2019-09 … 2020-08.
 */
class TtmCalculatorTest {

    FakeUsdRates rates = new FakeUsdRates()
            .with("EUR", "1.1795", "1")
            .with("JPY", "1.1795", "126.31")
            .with("GBP", "1.1795", "0.90");

    RevenueResult compute(Sale... sales) {
        return compute(TtmParameters.defaults(), sales);
    }

    RevenueResult compute(TtmParameters parameters, Sale... sales) {
        List<RevenueGroup> groups =
                Arrays.stream(sales).map(sale -> sale.line().toGroup()).toList();
        return new TtmCalculator(rates).compute(AS_OF, parameters, groups);
    }

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    static Exclusion nothingExcluded(ExclusionReason reason) {
        return new Exclusion(reason, 0, UsdAmount.ZERO);
    }

    @Test
    void a_paid_cloud_sale_billed_in_the_window_counts() {
        RevenueResult result = compute(Sale.of("1000.00"));

        assertThat(result.windowStart()).isEqualTo(YearMonth.of(2019, 9));
        assertThat(result.windowEnd()).isEqualTo(YearMonth.of(2020, 8));
        assertThat(result.total().rounded()).isEqualTo(usd("1000.00"));
        assertThat(result.excluded())
                .containsExactly(
                        nothingExcluded(ExclusionReason.CATEGORY),
                        nothingExcluded(ExclusionReason.REJECTED),
                        nothingExcluded(ExclusionReason.UNPAID));
        assertThat(result.missingRates()).isEmpty();
        assertThat(result.linesAwaitingRate()).isZero();
    }

    @Test
    void every_counted_category_counts() {
        RevenueResult result = compute(
                Sale.of("1").category(ProductCategory.AZURE_CONSUMPTION),
                Sale.of("10").category(ProductCategory.AZURE_RESERVATION),
                Sale.of("100").category(ProductCategory.LICENSE_SUBSCRIPTION),
                Sale.of("1000").category(ProductCategory.MARKETPLACE_SAAS));

        assertThat(result.total().rounded()).isEqualTo(usd("1111.00"));
    }

    @Test
    void a_sale_paid_after_the_as_of_date_is_left_out_as_unpaid() {
        RevenueResult result = compute(Sale.of("500").paid("2020-09-10"), Sale.of("20"));

        assertThat(result.total().rounded()).isEqualTo(usd("20.00"));
        assertThat(result.excluded(ExclusionReason.UNPAID))
                .isEqualTo(new Exclusion(ExclusionReason.UNPAID, 1, new UsdAmount(usd("500"))));
    }

    @Test
    void a_sale_paid_on_the_as_of_date_counts() {
        RevenueResult result = compute(Sale.of("500").paid("2020-09-09"));

        assertThat(result.total().rounded()).isEqualTo(usd("500.00"));
        assertThat(result.excluded(ExclusionReason.UNPAID).lines()).isZero();
    }

    @Test
    void a_sale_with_no_paid_date_is_left_out_as_unpaid() {
        RevenueResult result = compute(Sale.of("500").unpaid(), Sale.of("30").unpaid());

        assertThat(result.total().rounded()).isEqualTo(usd("0.00"));
        assertThat(result.excluded(ExclusionReason.UNPAID))
                .isEqualTo(new Exclusion(ExclusionReason.UNPAID, 2, new UsdAmount(usd("530"))));
    }

    @Test
    void perpetual_software_and_software_subscriptions_are_left_out_as_category() {
        RevenueResult result = compute(
                Sale.of("700").category(ProductCategory.PERPETUAL_SOFTWARE),
                Sale.of("50").category(ProductCategory.SOFTWARE_SUBSCRIPTION),
                Sale.of("5"));

        assertThat(result.total().rounded()).isEqualTo(usd("5.00"));
        assertThat(result.excluded(ExclusionReason.CATEGORY))
                .isEqualTo(new Exclusion(ExclusionReason.CATEGORY, 2, new UsdAmount(usd("750"))));
    }

    @Test
    void the_counted_categories_are_those_of_the_parameters() {
        TtmParameters onlyAzure = TtmParameters.of(12, 8, List.of(ProductCategory.AZURE_CONSUMPTION));

        RevenueResult result = compute(
                onlyAzure,
                Sale.of("1").category(ProductCategory.AZURE_CONSUMPTION),
                Sale.of("10").category(ProductCategory.MARKETPLACE_SAAS));

        assertThat(result.total().rounded()).isEqualTo(usd("1.00"));
        assertThat(result.excluded(ExclusionReason.CATEGORY).lines()).isEqualTo(1);
    }

    @Test
    void a_rejected_sale_is_left_out_and_listed_as_rejected() {
        RevenueResult result = compute(
                Sale.of("900").verification(VerificationState.REJECTED),
                Sale.of("100").verification(VerificationState.VERIFIED));

        assertThat(result.total().rounded()).isEqualTo(usd("100.00"));
        assertThat(result.excluded(ExclusionReason.REJECTED))
                .isEqualTo(new Exclusion(ExclusionReason.REJECTED, 1, new UsdAmount(usd("900"))));
    }

    @Test
    void a_rejected_unpaid_software_sale_is_listed_under_category_only() {
        RevenueResult result = compute(Sale.of("900")
                .category(ProductCategory.PERPETUAL_SOFTWARE)
                .verification(VerificationState.REJECTED)
                .unpaid());

        assertThat(result.excluded())
                .containsExactly(
                        new Exclusion(ExclusionReason.CATEGORY, 1, new UsdAmount(usd("900"))),
                        nothingExcluded(ExclusionReason.REJECTED),
                        nothingExcluded(ExclusionReason.UNPAID));
    }

    @Test
    void a_rejected_unpaid_cloud_sale_is_listed_under_rejected_only() {
        RevenueResult result =
                compute(Sale.of("900").verification(VerificationState.REJECTED).unpaid());

        assertThat(result.excluded())
                .containsExactly(
                        nothingExcluded(ExclusionReason.CATEGORY),
                        new Exclusion(ExclusionReason.REJECTED, 1, new UsdAmount(usd("900"))),
                        nothingExcluded(ExclusionReason.UNPAID));
    }

    @Test
    void sales_billed_outside_the_window_are_ignored_entirely() {
        RevenueResult result = compute(
                Sale.of("1").billed("2019-08-31"),
                Sale.of("2").billed("2020-09-01").unpaid(),
                Sale.of("3")
                        .billed("2019-08-31")
                        .category(ProductCategory.PERPETUAL_SOFTWARE)
                        .verification(VerificationState.REJECTED),
                Sale.of("4").billed("2020-09-01").verification(VerificationState.OPEN),
                Sale.of("5").billed("2019-08-01").in("CHF").location("2000002"));

        assertThat(result.total().rounded()).isEqualTo(usd("0.00"));
        assertThat(result.excluded())
                .containsExactly(
                        nothingExcluded(ExclusionReason.CATEGORY),
                        nothingExcluded(ExclusionReason.REJECTED),
                        nothingExcluded(ExclusionReason.UNPAID));
        assertThat(result.missingRates()).isEmpty();
        assertThat(result.byLocation()).isEmpty();
        assertThat(result.verification()).isEqualTo(new VerificationCounts(0, 0, 0));
        assertThat(result.openAmount().rounded()).isEqualTo(usd("0.00"));
    }

    @Test
    void the_first_and_last_days_of_the_window_are_in() {
        RevenueResult result =
                compute(Sale.of("1").billed("2019-09-01"), Sale.of("2").billed("2020-08-31"));

        assertThat(result.total().rounded()).isEqualTo(usd("3.00"));
    }

    @Test
    void a_sale_without_a_rate_stays_out_of_the_total_and_its_rate_is_listed_missing() {
        rates.missingOn("EUR", LocalDate.of(2020, 3, 15));

        RevenueResult result = compute(Sale.of("100").in("EUR"), Sale.of("10"));

        assertThat(result.total().rounded()).isEqualTo(usd("10.00"));
        assertThat(result.missingRates()).containsExactly(new MissingRate("EUR", LocalDate.of(2020, 3, 15)));
        assertThat(result.linesAwaitingRate()).isEqualTo(1);
    }

    @Test
    void a_currency_with_no_rate_at_all_is_listed_missing() {
        RevenueResult result = compute(Sale.of("100").in("CHF"));

        assertThat(result.total().rounded()).isEqualTo(usd("0.00"));
        assertThat(result.missingRates()).containsExactly(new MissingRate("CHF", LocalDate.of(2020, 3, 15)));
        assertThat(result.linesAwaitingRate()).isEqualTo(1);
    }

    @Test
    void missing_rates_are_listed_once_each_by_currency_then_date() {
        RevenueResult result = compute(
                Sale.of("1").in("NOK").billed("2020-05-02"),
                Sale.of("2").in("CHF").billed("2020-05-02"),
                Sale.of("3").in("CHF").billed("2020-01-20"),
                Sale.of("4").in("CHF").billed("2020-05-02").location("2000002"),
                Sale.of("5").in("NOK").billed("2020-05-02").unpaid());

        assertThat(result.missingRates())
                .containsExactly(
                        new MissingRate("CHF", LocalDate.of(2020, 1, 20)),
                        new MissingRate("CHF", LocalDate.of(2020, 5, 2)),
                        new MissingRate("NOK", LocalDate.of(2020, 5, 2)));
        assertThat(result.linesAwaitingRate()).isEqualTo(4);
    }

    @Test
    void an_excluded_sale_without_a_rate_is_listed_missing_but_awaits_no_rate() {
        RevenueResult result = compute(
                Sale.of("100").in("CHF").unpaid(), Sale.of("7").in("CHF").category(ProductCategory.PERPETUAL_SOFTWARE));

        assertThat(result.missingRates()).containsExactly(new MissingRate("CHF", LocalDate.of(2020, 3, 15)));
        assertThat(result.linesAwaitingRate()).isZero();
        assertThat(result.excluded(ExclusionReason.UNPAID))
                .isEqualTo(new Exclusion(ExclusionReason.UNPAID, 1, UsdAmount.ZERO));
        assertThat(result.excluded(ExclusionReason.CATEGORY))
                .isEqualTo(new Exclusion(ExclusionReason.CATEGORY, 1, UsdAmount.ZERO));
    }

    @Test
    void us_dollars_need_no_rate() {
        rates = new FakeUsdRates();

        RevenueResult result = compute(Sale.of("42.42"));

        assertThat(result.total().rounded()).isEqualTo(usd("42.42"));
        assertThat(result.missingRates()).isEmpty();
    }

    @Test
    void refunds_and_credits_count_as_they_are() {
        RevenueResult result = compute(
                Sale.of("1000.00"),
                Sale.of("-250.50").billed("2020-04-02"),
                Sale.of("-100").in("EUR").billed("2020-04-03"));

        assertThat(result.total().exact()).isEqualByComparingTo("631.55");
        assertThat(result.total().rounded()).isEqualTo(usd("631.55"));
        assertThat(result.months().get(7).month()).isEqualTo(YearMonth.of(2020, 4));
        assertThat(result.months().get(7).amount().exact()).isEqualByComparingTo("-368.45");
        assertThat(result.months().get(7).amount().rounded()).isEqualTo(usd("-368.45"));
    }

    @Test
    void an_unpaid_credit_is_excluded_with_its_sign() {
        RevenueResult result = compute(Sale.of("-40").unpaid(), Sale.of("100").unpaid());

        assertThat(result.excluded(ExclusionReason.UNPAID))
                .isEqualTo(new Exclusion(ExclusionReason.UNPAID, 2, new UsdAmount(usd("60"))));
    }

    @Test
    void every_location_of_the_partner_counts_and_shows_its_own_total_sorted_by_location_id() {
        RevenueResult result = compute(
                Sale.of("300").location("3000003"),
                Sale.of("100").location("1000001"),
                Sale.of("20").location("2000002"),
                Sale.of("1").location("1000001").billed("2019-12-01"),
                Sale.of("5000").location("2000002").category(ProductCategory.PERPETUAL_SOFTWARE),
                Sale.of("7").location("4000004").unpaid());

        assertThat(result.total().rounded()).isEqualTo(usd("421.00"));
        assertThat(result.byLocation())
                .extracting(
                        LocationTotal::locationId, location -> location.amount().rounded())
                .containsExactly(
                        tuple("1000001", usd("101.00")),
                        tuple("2000002", usd("20.00")),
                        tuple("3000003", usd("300.00")),
                        tuple("4000004", usd("0.00")));
    }

    @Test
    void euros_and_yen_convert_exactly_to_many_digits_and_the_total_rounds_half_even() {
        RevenueResult result =
                compute(Sale.of("1000000").in("JPY"), Sale.of("1234.5678").in("EUR"));

        // 1,000,000 × 1.1795 ÷ 126.31 at 34 significant digits, plus 1,234.5678 × 1.1795 exactly.
        assertThat(result.total().exact().toPlainString()).isEqualTo("10794.309051348515556963027472092471");
        assertThat(result.total().rounded()).isEqualTo(usd("10794.31"));
    }

    @Test
    void yen_convert_by_multiplying_first_then_dividing() {
        RevenueResult result = compute(Sale.of("999").in("JPY"));

        // 999 × 1.1795 ÷ 126.31; dividing first (999 ÷ 126.31 × 1.1795) would differ in the last digits.
        assertThat(result.total().exact()).isEqualByComparingTo("9.328798194917267041406064444620378");
        assertThat(result.total().rounded()).isEqualTo(usd("9.33"));
    }

    @Test
    void every_month_of_the_window_is_shown_and_a_month_with_nothing_shows_zero_with_two_decimals() {
        RevenueResult result = compute(Sale.of("12.5").billed("2020-02-29"));

        assertThat(result.months()).hasSize(12);
        assertThat(result.months())
                .extracting(MonthTotal::month)
                .containsExactlyElementsOf(result.window().months());
        assertThat(result.months().get(0).amount().rounded().toPlainString()).isEqualTo("0.00");
        assertThat(result.months())
                .extracting(month -> month.amount().rounded().toPlainString())
                .containsExactly(
                        "0.00", "0.00", "0.00", "0.00", "0.00", "12.50", "0.00", "0.00", "0.00", "0.00", "0.00",
                        "0.00");
    }

    @Test
    void an_empty_ledger_gives_zero_everywhere_with_two_decimals() {
        RevenueResult result = compute();

        assertThat(result.total().rounded().toPlainString()).isEqualTo("0.00");
        assertThat(result.openAmount().rounded().toPlainString()).isEqualTo("0.00");
        assertThat(result.months())
                .hasSize(12)
                .allSatisfy(month ->
                        assertThat(month.amount().rounded().toPlainString()).isEqualTo("0.00"));
    }

    @Test
    void the_total_is_rounded_from_its_exact_sum_not_from_rounded_lines_or_months() {
        rates.with("EUR", "1.25", "1");

        // 0.004 EUR is 0.005 USD: each month rounds half-even to 0.00, the total of 0.015 to 0.02
        // (rounding each line half-even would give 0.00, half-up 0.03).
        RevenueResult result = compute(
                Sale.of("0.004").in("EUR").billed("2020-01-10"),
                Sale.of("0.004").in("EUR").billed("2020-02-10"),
                Sale.of("0.004").in("EUR").billed("2020-03-10"));

        assertThat(result.total().exact()).isEqualByComparingTo("0.015");
        assertThat(result.total().rounded()).isEqualTo(usd("0.02"));
        assertThat(result.months())
                .extracting(month -> month.amount().rounded())
                .containsOnly(usd("0.00"));
    }

    @Test
    void a_half_cent_rounds_to_the_even_cent() {
        rates.with("EUR", "1.25", "1");

        // Five times 0.005 USD: 0.025 rounds half-even to 0.02 (half-up would give 0.03).
        Sale[] sales = new Sale[5];
        Arrays.setAll(sales, i -> Sale.of("0.004").in("EUR"));
        RevenueResult result = compute(sales);

        assertThat(result.total().exact()).isEqualByComparingTo("0.025");
        assertThat(result.total().rounded()).isEqualTo(usd("0.02"));
    }

    @Test
    void each_location_total_is_rounded_from_its_own_exact_sum() {
        RevenueResult result = compute(
                Sale.of("0.005").location("1000001"),
                Sale.of("0.005").location("1000001"),
                Sale.of("0.005").location("2000002"),
                Sale.of("0.01").location("3000003"),
                Sale.of("0.005").location("3000003"));

        assertThat(result.total().rounded()).isEqualTo(usd("0.03"));
        assertThat(result.byLocation())
                .extracting(location -> location.amount().rounded())
                .containsExactly(usd("0.01"), usd("0.00"), usd("0.02"));
    }

    @Test
    void excluded_amounts_are_in_us_dollars() {
        RevenueResult result = compute(Sale.of("100").in("GBP").unpaid());

        assertThat(result.excluded(ExclusionReason.UNPAID).amount().exact())
                .isEqualByComparingTo("131.0555555555555555555555555555556");
        assertThat(result.excluded(ExclusionReason.UNPAID).amount().rounded()).isEqualTo(usd("131.06"));
    }

    @Test
    void verification_counts_cover_every_line_billed_in_the_window() {
        RevenueResult result = compute(
                Sale.of("1").verification(VerificationState.OPEN),
                Sale.of("2").verification(VerificationState.OPEN).unpaid(),
                Sale.of("3").verification(VerificationState.VERIFIED),
                Sale.of("4").verification(VerificationState.REJECTED),
                Sale.of("5").verification(VerificationState.REJECTED).category(ProductCategory.PERPETUAL_SOFTWARE),
                Sale.of("6").verification(VerificationState.NONE),
                Sale.of("7").verification(VerificationState.OPEN).billed("2020-09-01"));

        assertThat(result.verification()).isEqualTo(new VerificationCounts(2, 1, 2));
    }

    @Test
    void the_open_amount_is_the_counted_revenue_still_under_verification() {
        RevenueResult result = compute(
                Sale.of("100").verification(VerificationState.OPEN),
                Sale.of("-10").verification(VerificationState.OPEN),
                Sale.of("1000").verification(VerificationState.OPEN).unpaid(),
                Sale.of("2000").verification(VerificationState.OPEN).category(ProductCategory.PERPETUAL_SOFTWARE),
                Sale.of("40").verification(VerificationState.VERIFIED),
                Sale.of("8"));

        assertThat(result.total().rounded()).isEqualTo(usd("138.00"));
        assertThat(result.openAmount().rounded()).isEqualTo(usd("90.00"));
    }

    @Test
    void a_ledger_gives_the_same_result_line_by_line_as_summed_into_groups() {
        List<RevenueLine> lines = List.of(
                Sale.of("1000000").in("JPY").line(),
                Sale.of("333.3333").in("JPY").line(),
                Sale.of("-0.0001").in("JPY").line(),
                Sale.of("77.77").in("GBP").verification(VerificationState.OPEN).line(),
                Sale.of("0.01").in("GBP").verification(VerificationState.OPEN).line(),
                Sale.of("5").in("GBP").unpaid().line(),
                Sale.of("6").in("GBP").unpaid().line(),
                Sale.of("9").in("CHF").line(),
                Sale.of("9").in("CHF").line());
        List<RevenueGroup> groups = List.of(
                new RevenueGroup(
                        Sale.LOCATION,
                        LocalDate.of(2020, 3, 15),
                        ProductCategory.AZURE_CONSUMPTION,
                        "JPY",
                        LocalDate.of(2020, 4, 1),
                        VerificationState.NONE,
                        usd("1000333.3332"),
                        3),
                new RevenueGroup(
                        Sale.LOCATION,
                        LocalDate.of(2020, 3, 15),
                        ProductCategory.AZURE_CONSUMPTION,
                        "GBP",
                        LocalDate.of(2020, 4, 1),
                        VerificationState.OPEN,
                        usd("77.78"),
                        2),
                new RevenueGroup(
                        Sale.LOCATION,
                        LocalDate.of(2020, 3, 15),
                        ProductCategory.AZURE_CONSUMPTION,
                        "GBP",
                        null,
                        VerificationState.NONE,
                        usd("11"),
                        2),
                new RevenueGroup(
                        Sale.LOCATION,
                        LocalDate.of(2020, 3, 15),
                        ProductCategory.AZURE_CONSUMPTION,
                        "CHF",
                        LocalDate.of(2020, 4, 1),
                        VerificationState.NONE,
                        usd("18"),
                        2));
        TtmCalculator calculator = new TtmCalculator(rates);

        RevenueResult byLine = calculator.compute(
                AS_OF,
                TtmParameters.defaults(),
                lines.stream().map(RevenueLine::toGroup).toList());
        RevenueResult byGroup = calculator.compute(AS_OF, TtmParameters.defaults(), groups);

        assertThat(byGroup).isEqualTo(byLine);
        assertThat(byGroup.excluded(ExclusionReason.UNPAID).lines()).isEqualTo(2);
        assertThat(byGroup.linesAwaitingRate()).isEqualTo(2);
    }

    @Test
    void the_order_of_the_groups_changes_nothing() {
        List<RevenueGroup> groups = new ArrayList<>(List.of(
                Sale.of("1000000").in("JPY").line().toGroup(),
                Sale.of("12.34").in("GBP").billed("2020-05-05").line().toGroup(),
                Sale.of("-3.3")
                        .in("EUR")
                        .billed("2019-10-10")
                        .location("2000002")
                        .line()
                        .toGroup(),
                Sale.of("0.0001").in("JPY").billed("2020-05-05").unpaid().line().toGroup()));
        TtmCalculator calculator = new TtmCalculator(rates);

        RevenueResult forwards = calculator.compute(AS_OF, TtmParameters.defaults(), groups);
        Collections.reverse(groups);
        RevenueResult backwards = calculator.compute(AS_OF, TtmParameters.defaults(), groups);

        assertThat(backwards).isEqualTo(forwards);
    }
}
