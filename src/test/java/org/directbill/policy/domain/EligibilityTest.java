package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.directbill.policy.domain.BuiltInPolicyFixtures.CSP_DIRECT_2018;
import static org.directbill.policy.domain.BuiltInPolicyFixtures.CSP_DIRECT_2020;
import static org.directbill.policy.domain.BuiltInPolicyFixtures.CSP_DIRECT_FY26;

import java.util.List;
import java.util.Map;
import org.directbill.partner.domain.FactStatus;
import org.directbill.policy.domain.RequirementParameters.None;
import org.junit.jupiter.api.Test;

/** The outcome over a policy's requirements, and the same evaluation without revenue figures. */
class EligibilityTest {

    @Test
    void every_required_requirement_met_is_eligible() {
        assertThat(Eligibility.evaluate(CSP_DIRECT_FY26, new FactsBuilder().build())
                        .outcome())
                .isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void a_required_requirement_not_met_is_ineligible_even_with_others_pending() {
        FactsBuilder facts = new FactsBuilder().businessVetting(null).signatory(null);

        assertThat(Eligibility.evaluate(CSP_DIRECT_FY26, facts.build()).outcome())
                .isEqualTo(Outcome.INELIGIBLE);
    }

    @Test
    void a_required_requirement_pending_and_none_not_met_is_pending() {
        FactsBuilder facts = new FactsBuilder().businessVetting(null).operationalAssessment(FactStatus.PENDING);

        assertThat(Eligibility.evaluate(CSP_DIRECT_FY26, facts.build()).outcome())
                .isEqualTo(Outcome.PENDING);
    }

    @Test
    void no_managed_service_is_still_eligible_under_2020_where_it_is_recommended() {
        EligibilityResult result = Eligibility.evaluate(
                CSP_DIRECT_2020, new FactsBuilder().managedServices().build());

        assertThat(result.requirement(RequirementCode.MANAGED_SERVICE).orElseThrow())
                .extracting(RequirementResult::level, RequirementResult::status)
                .containsExactly(Level.RECOMMENDED, RequirementStatus.NOT_MET);
        assertThat(result.outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void no_managed_service_is_ineligible_under_2018_where_it_is_required() {
        EligibilityResult result = Eligibility.evaluate(
                CSP_DIRECT_2018, new FactsBuilder().managedServices().build());

        assertThat(result.outcome()).isEqualTo(Outcome.INELIGIBLE);
    }

    @Test
    void a_recommended_requirement_pending_does_not_make_the_outcome_pending() {
        Policy policy = new Policy(
                "test-recommended-vetting",
                "Vetting only recommended",
                CSP_DIRECT_2018.effectiveFrom(),
                Enforcement.DEFAULT,
                List.of(new Requirement(RequirementCode.BUSINESS_VETTING, Level.RECOMMENDED, new None())));

        EligibilityResult result = Eligibility.evaluate(
                policy, new FactsBuilder().businessVetting(null).build());

        assertThat(result.requirements())
                .extracting(RequirementResult::status)
                .containsExactly(RequirementStatus.PENDING);
        assertThat(result.outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void the_results_keep_the_policy_order() {
        EligibilityResult result = Eligibility.evaluate(CSP_DIRECT_FY26, new FactsBuilder().build());

        assertThat(result.requirements())
                .extracting(RequirementResult::code)
                .containsExactlyElementsOf(CSP_DIRECT_FY26.requirements().stream()
                        .map(Requirement::code)
                        .toList());
    }

    @Test
    void a_market_scoped_policy_without_a_market_is_refused_as_a_programming_error() {
        assertThatThrownBy(() -> Eligibility.evaluate(
                        CSP_DIRECT_2020, new FactsBuilder().market(null).build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_revenue_figures_no_amount_is_left_anywhere_in_the_revenue_result() {
        FactsBuilder facts = new FactsBuilder().revenue("1234567.89").openAmount("98765.43");
        EligibilityResult full = Eligibility.evaluate(CSP_DIRECT_2020, facts.build());
        RequirementResult withFigures =
                full.requirement(RequirementCode.TTM_REVENUE).orElseThrow();
        assertThat(withFigures.toString()).contains("1234567.89", "98765.43");

        EligibilityResult hidden = full.withoutRevenueFigures();

        RequirementResult revenue =
                hidden.requirement(RequirementCode.TTM_REVENUE).orElseThrow();
        assertThat(revenue.status()).isEqualTo(withFigures.status());
        assertThat(revenue.reason()).isEqualTo("REVENUE_HIDDEN_MET");
        assertThat(revenue.details()).containsOnlyKeys("thresholdUsd", "windowStart", "windowEnd");
        assertThat(revenue.reasonArguments()).containsExactly("300000.00");
        assertThat(revenue.toString()).doesNotContain("1234567", "98765", "total", "openAmount");
    }

    @Test
    void without_revenue_figures_the_outcome_and_the_other_requirements_stay() {
        EligibilityResult full = Eligibility.evaluate(
                CSP_DIRECT_FY26, new FactsBuilder().signatory(null).build());

        EligibilityResult hidden = full.withoutRevenueFigures();

        assertThat(hidden.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(hidden.requirements())
                .filteredOn(r -> r.code() != RequirementCode.TTM_REVENUE)
                .containsExactlyElementsOf(full.requirements().stream()
                        .filter(r -> r.code() != RequirementCode.TTM_REVENUE)
                        .toList());
    }

    @Test
    void a_policy_without_revenue_hides_nothing() {
        EligibilityResult full = Eligibility.evaluate(
                CSP_DIRECT_2018, new FactsBuilder().withoutRevenue().build());

        assertThat(full.withoutRevenueFigures()).isEqualTo(full);
    }

    @Test
    void a_result_refuses_a_reason_of_another_requirement_or_the_wrong_number_of_arguments() {
        Requirement endorsement = new Requirement(RequirementCode.ENDORSEMENT, Level.REQUIRED, new None());

        assertThatThrownBy(() -> RequirementResult.of(endorsement, Reason.NO_DESIGNATION, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequirementResult.of(endorsement, Reason.NO_SIGNATORY, List.of("extra"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_code_has_its_one_evaluator() {
        for (RequirementCode code : RequirementCode.values()) {
            assertThat(RequirementEvaluators.of(code).code()).isEqualTo(code);
        }
    }
}
