package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.directbill.revenue.domain.Sale.AS_OF;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.directbill.revenue.domain.TtmRequirement.Evaluation;
import org.directbill.revenue.domain.TtmRequirement.Reason;
import org.directbill.revenue.domain.TtmRequirement.Status;
import org.junit.jupiter.api.Test;

/** The TTM_REVENUE requirement against a threshold (domain.md, TTM step 6 and "Verification of sales"). */
class TtmRequirementTest {

    static final TtmRequirement AT_1000 = new TtmRequirement(new BigDecimal("1000"));

    FakeUsdRates rates = new FakeUsdRates().with("EUR", "1.25", "1");

    Evaluation evaluate(Sale... sales) {
        RevenueResult revenue = new TtmCalculator(rates)
                .compute(
                        AS_OF,
                        TtmParameters.defaults(),
                        Arrays.stream(sales).map(sale -> sale.line().toGroup()).toList());
        return AT_1000.evaluate(revenue);
    }

    static Sale open(String amount) {
        return Sale.of(amount).verification(VerificationState.OPEN);
    }

    @Test
    void a_total_that_reaches_the_threshold_meets_it() {
        Evaluation evaluation = evaluate(Sale.of("600"), Sale.of("400"));

        assertThat(evaluation.status()).isEqualTo(Status.MET);
        assertThat(evaluation.reason()).isEqualTo(Reason.THRESHOLD_MET);
        assertThat(evaluation.total().rounded()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(evaluation.thresholdUsd()).isEqualTo(new BigDecimal("1000"));
        assertThat(evaluation.openAmount().rounded()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void a_total_below_the_threshold_does_not_meet_it() {
        Evaluation evaluation = evaluate(Sale.of("999.99"));

        assertThat(evaluation.status()).isEqualTo(Status.NOT_MET);
        assertThat(evaluation.reason()).isEqualTo(Reason.BELOW_THRESHOLD);
    }

    @Test
    void the_unrounded_total_is_compared_not_the_rounded_one() {
        // 799.996 EUR is 999.995 USD: shown as 1000.00 (half-even), yet below 1000.
        Evaluation evaluation = evaluate(Sale.of("799.996").in("EUR"));

        assertThat(evaluation.total().rounded()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(evaluation.status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void met_even_with_every_open_sale_left_out_is_met() {
        Evaluation evaluation = evaluate(Sale.of("1000"), open("500"));

        assertThat(evaluation.status()).isEqualTo(Status.MET);
        assertThat(evaluation.openAmount().rounded()).isEqualTo(new BigDecimal("500.00"));
    }

    @Test
    void missed_even_with_every_open_sale_counted_is_not_met() {
        Evaluation evaluation = evaluate(Sale.of("400"), open("500"));

        assertThat(evaluation.status()).isEqualTo(Status.NOT_MET);
        assertThat(evaluation.reason()).isEqualTo(Reason.BELOW_THRESHOLD);
    }

    @Test
    void met_only_with_the_open_sales_counted_is_pending() {
        Evaluation evaluation = evaluate(Sale.of("600"), open("500"));

        assertThat(evaluation.status()).isEqualTo(Status.PENDING);
        assertThat(evaluation.reason()).isEqualTo(Reason.OPEN_SALES_DECIDE);
        assertThat(evaluation.total().rounded()).isEqualTo(new BigDecimal("1100.00"));
        assertThat(evaluation.openAmount().rounded()).isEqualTo(new BigDecimal("500.00"));
    }

    @Test
    void exactly_the_threshold_without_the_open_sales_is_met() {
        assertThat(evaluate(Sale.of("1000"), open("0.01")).status()).isEqualTo(Status.MET);
    }

    @Test
    void open_credits_that_could_lift_the_total_over_the_threshold_leave_it_pending() {
        Evaluation evaluation = evaluate(Sale.of("1100"), open("-200"));

        assertThat(evaluation.total().rounded()).isEqualTo(new BigDecimal("900.00"));
        assertThat(evaluation.status()).isEqualTo(Status.PENDING);
        assertThat(evaluation.reason()).isEqualTo(Reason.OPEN_SALES_DECIDE);
    }

    @Test
    void a_missing_rate_for_a_sale_that_would_count_leaves_it_pending_even_over_the_threshold() {
        Evaluation evaluation = evaluate(Sale.of("5000"), Sale.of("1").in("CHF"));

        assertThat(evaluation.status()).isEqualTo(Status.PENDING);
        assertThat(evaluation.reason()).isEqualTo(Reason.RATES_MISSING);
        assertThat(evaluation.linesAwaitingRate()).isEqualTo(1);
        assertThat(evaluation.missingRates())
                .containsExactly(new RevenueResult.MissingRate("CHF", LocalDate.of(2020, 3, 15)));
    }

    @Test
    void a_missing_rate_for_a_sale_that_would_count_leaves_it_pending_even_far_below() {
        assertThat(evaluate(Sale.of("1").in("CHF")).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void a_missing_rate_only_for_excluded_sales_does_not_matter() {
        Evaluation evaluation = evaluate(
                Sale.of("5000"),
                Sale.of("1").in("CHF").unpaid(),
                Sale.of("1").in("CHF").category(ProductCategory.PERPETUAL_SOFTWARE));

        assertThat(evaluation.status()).isEqualTo(Status.MET);
        assertThat(evaluation.missingRates()).hasSize(1);
    }

    @Test
    void a_negative_threshold_is_refused() {
        assertThatThrownBy(() -> new TtmRequirement(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
