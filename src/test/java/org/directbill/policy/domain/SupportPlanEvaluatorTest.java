package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.policy.domain.FactsBuilder.plan;

import java.time.LocalDate;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.partner.domain.SupportPlan.Type;
import org.directbill.policy.domain.RequirementParameters.None;
import org.junit.jupiter.api.Test;

/** SUPPORT_PLAN: a plan active on the date, purchasedOn ≤ D ≤ renewsOn. */
class SupportPlanEvaluatorTest {

    static final Requirement REQUIRED = new Requirement(RequirementCode.SUPPORT_PLAN, Level.REQUIRED, new None());
    static final LocalDate PURCHASED = LocalDate.of(2024, 3, 1);
    static final LocalDate RENEWS = LocalDate.of(2025, 3, 1);
    static final SupportPlan PLAN = plan(Type.ASFP, "ASFP-7", PURCHASED, RENEWS);

    final SupportPlanEvaluator evaluator = new SupportPlanEvaluator();

    RequirementResult on(LocalDate date, SupportPlan... plans) {
        return evaluator.evaluate(
                REQUIRED, new FactsBuilder().asOf(date).supportPlans(plans).build());
    }

    @Test
    void a_plan_is_active_on_its_purchase_date() {
        assertThat(on(PURCHASED, PLAN).status()).isEqualTo(RequirementStatus.MET);
    }

    @Test
    void a_plan_is_active_on_its_renewal_date() {
        RequirementResult result = on(RENEWS, PLAN);

        assertThat(result.status()).isEqualTo(RequirementStatus.MET);
        assertThat(result.reason()).isEqualTo("SUPPORT_PLAN_ACTIVE");
        assertThat(result.reasonArguments()).containsExactly("ASFP", "ASFP-7", "2025-03-01");
        assertThat(result.details())
                .containsEntry("type", "ASFP")
                .containsEntry("contractId", "ASFP-7")
                .containsEntry("renewsOn", "2025-03-01");
    }

    @Test
    void a_plan_is_no_longer_active_the_day_after_its_renewal_date() {
        RequirementResult result = on(RENEWS.plusDays(1), PLAN);

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("SUPPORT_PLAN_EXPIRED");
        assertThat(result.reasonArguments()).containsExactly("ASFP", "ASFP-7", "2025-03-01");
    }

    @Test
    void a_plan_is_not_active_the_day_before_its_purchase() {
        RequirementResult result = on(PURCHASED.minusDays(1), PLAN);

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("SUPPORT_PLAN_NOT_STARTED");
        assertThat(result.reasonArguments()).containsExactly("ASFP", "ASFP-7", "2024-03-01");
        assertThat(result.details()).containsEntry("purchasedOn", "2024-03-01");
    }

    @Test
    void no_plan_recorded_is_not_met() {
        RequirementResult result = on(PURCHASED);

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("NO_SUPPORT_PLAN");
        assertThat(result.details()).isEmpty();
    }

    @Test
    void among_active_plans_the_one_renewing_last_is_shown() {
        SupportPlan longer = plan(Type.PSFP, "PSFP-9", LocalDate.of(2024, 6, 1), LocalDate.of(2025, 6, 1));

        RequirementResult result = on(LocalDate.of(2024, 12, 1), PLAN, longer);

        assertThat(result.details()).containsEntry("contractId", "PSFP-9").containsEntry("renewsOn", "2025-06-01");
    }

    @Test
    void when_every_plan_lapsed_the_last_renewal_date_is_given() {
        SupportPlan older = plan(Type.PSFP, "PSFP-1", LocalDate.of(2022, 1, 1), LocalDate.of(2023, 1, 1));

        RequirementResult result = on(LocalDate.of(2025, 9, 1), older, PLAN);

        assertThat(result.reason()).isEqualTo("SUPPORT_PLAN_EXPIRED");
        assertThat(result.details()).containsEntry("contractId", "ASFP-7").containsEntry("renewsOn", "2025-03-01");
    }

    @Test
    void a_lapsed_plan_and_one_still_to_start_name_the_one_to_start() {
        SupportPlan next = plan(Type.ASFP, "ASFP-8", LocalDate.of(2025, 10, 1), LocalDate.of(2026, 10, 1));

        RequirementResult result = on(LocalDate.of(2025, 9, 1), PLAN, next);

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("SUPPORT_PLAN_NOT_STARTED");
        assertThat(result.reasonArguments()).containsExactly("ASFP", "ASFP-8", "2025-10-01");
    }
}
