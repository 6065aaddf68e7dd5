package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.directbill.policy.domain.FactsBuilder.AS_OF;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.directbill.policy.domain.RequirementParameters.RevenueThreshold;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.RevenueResult.MissingRate;
import org.junit.jupiter.api.Test;

/** TTM_REVENUE: the revenue module's rule against the requirement's threshold, with its figures. */
class TtmRevenueEvaluatorTest {

    static final Requirement AT_300K = requirement("300000", 12);

    final TtmRevenueEvaluator evaluator = new TtmRevenueEvaluator();

    static Requirement requirement(String threshold, int windowMonths) {
        return new Requirement(
                RequirementCode.TTM_REVENUE,
                Level.REQUIRED,
                new RevenueThreshold(new BigDecimal(threshold), windowMonths, 8, ProductCategory.DEFAULT_COUNTED));
    }

    RequirementResult evaluate(FactsBuilder facts) {
        return evaluator.evaluate(AT_300K, facts.build());
    }

    @Test
    void a_total_reaching_the_threshold_is_met_with_every_figure() {
        RequirementResult result = evaluate(new FactsBuilder().revenue("300000.004"));

        assertThat(result.status()).isEqualTo(RequirementStatus.MET);
        assertThat(result.reason()).isEqualTo("REVENUE_THRESHOLD_MET");
        assertThat(result.reasonArguments()).containsExactly("300000.00", "300000.00");
        assertThat(result.details())
                .containsExactly(
                        entry("total", "300000.00"),
                        entry("thresholdUsd", "300000.00"),
                        entry("openAmount", "0.00"),
                        entry("linesAwaitingRate", 0L),
                        entry("missingRates", 0),
                        entry("windowStart", "2024-11"),
                        entry("windowEnd", "2025-10"));
    }

    @Test
    void a_total_a_cent_below_is_not_met() {
        RequirementResult result = evaluate(new FactsBuilder().revenue("299999.99"));

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("REVENUE_BELOW_THRESHOLD");
        assertThat(result.reasonArguments()).containsExactly("299999.99", "300000.00");
    }

    @Test
    void open_sales_that_decide_make_it_pending_with_the_open_amount() {
        RequirementResult result = evaluate(new FactsBuilder().revenue("400000").openAmount("150000.5"));

        assertThat(result.status()).isEqualTo(RequirementStatus.PENDING);
        assertThat(result.reason()).isEqualTo("REVENUE_OPEN_SALES_DECIDE");
        assertThat(result.reasonArguments()).containsExactly("400000.00", "300000.00", "150000.50");
        assertThat(result.details()).containsEntry("openAmount", "150000.50");
    }

    @Test
    void missing_rates_make_it_pending_even_far_above_the_threshold() {
        RequirementResult result = evaluate(new FactsBuilder()
                .revenue("9000000")
                .ratesMissing(
                        3,
                        new MissingRate("CHF", LocalDate.of(2025, 3, 14)),
                        new MissingRate("JPY", LocalDate.of(2025, 4, 1))));

        assertThat(result.status()).isEqualTo(RequirementStatus.PENDING);
        assertThat(result.reason()).isEqualTo("REVENUE_RATES_MISSING");
        assertThat(result.reasonArguments()).containsExactly("9000000.00", "300000.00", "3", "2");
        assertThat(result.details()).containsEntry("linesAwaitingRate", 3L).containsEntry("missingRates", 2);
    }

    @Test
    void the_threshold_of_the_requirement_is_the_one_applied() {
        RequirementResult result = evaluator.evaluate(
                requirement("1000000", 12),
                new FactsBuilder().revenue("999999.99").build());

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.details()).containsEntry("thresholdUsd", "1000000.00");
    }

    @Test
    void revenue_missing_from_the_facts_is_a_programming_error() {
        assertThatThrownBy(() -> evaluate(new FactsBuilder().withoutRevenue()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revenue_counted_over_another_window_is_a_programming_error() {
        assertThatThrownBy(() -> evaluator.evaluate(requirement("300000", 6), new FactsBuilder().build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revenue_counted_as_of_another_date_is_a_programming_error() {
        Facts facts = new FactsBuilder().build();
        Facts later = new Facts(
                facts.partnerId(),
                AS_OF.plusDays(1),
                facts.market(),
                facts.locations(),
                facts.profile(),
                facts.supportPlans(),
                facts.revenue());

        assertThatThrownBy(() -> evaluator.evaluate(AT_300K, later)).isInstanceOf(IllegalArgumentException.class);
    }

    static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }

    @Test
    void hiding_the_figures_keeps_the_status_the_threshold_and_the_window_only() {
        RequirementResult pending =
                evaluate(new FactsBuilder().revenue("400000").openAmount("150000"));

        RequirementResult hidden = TtmRevenueEvaluator.withoutFigures(pending);

        assertThat(hidden.status()).isEqualTo(RequirementStatus.PENDING);
        assertThat(hidden.level()).isEqualTo(Level.REQUIRED);
        assertThat(hidden.reason()).isEqualTo("REVENUE_HIDDEN_PENDING");
        assertThat(hidden.reasonArguments()).containsExactly("300000.00");
        assertThat(hidden.details())
                .containsExactly(
                        entry("thresholdUsd", "300000.00"),
                        entry("windowStart", "2024-11"),
                        entry("windowEnd", "2025-10"));
        assertThat(TtmRevenueEvaluator.withoutFigures(hidden)).isEqualTo(hidden);
    }

    @Test
    void each_status_has_its_figure_free_reason() {
        assertThat(TtmRevenueEvaluator.withoutFigures(evaluate(new FactsBuilder().revenue("500000")))
                        .reason())
                .isEqualTo("REVENUE_HIDDEN_MET");
        assertThat(TtmRevenueEvaluator.withoutFigures(evaluate(new FactsBuilder().revenue("5")))
                        .reason())
                .isEqualTo("REVENUE_HIDDEN_NOT_MET");
    }

    @Test
    void hiding_leaves_other_requirements_as_they_are() {
        RequirementResult endorsement = RequirementResult.of(
                new Requirement(RequirementCode.ENDORSEMENT, Level.REQUIRED, new RequirementParameters.None()),
                Reason.SIGNATORY_WITH_AUTHORITY,
                List.of("Ada"),
                java.util.Map.of("signatoryName", "Ada"));

        assertThat(TtmRevenueEvaluator.withoutFigures(endorsement)).isSameAs(endorsement);
    }
}
