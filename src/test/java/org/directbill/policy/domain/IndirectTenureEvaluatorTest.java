package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.directbill.policy.domain.RequirementParameters.Tenure;
import org.junit.jupiter.api.Test;

/** INDIRECT_TENURE: met when indirectResellerSince + the months ≤ the evaluation date. */
class IndirectTenureEvaluatorTest {

    static final Requirement TWELVE_MONTHS =
            new Requirement(RequirementCode.INDIRECT_TENURE, Level.REQUIRED, new Tenure(12));
    static final LocalDate SINCE = LocalDate.of(2024, 5, 20);

    final IndirectTenureEvaluator evaluator = new IndirectTenureEvaluator();

    RequirementResult on(LocalDate date, LocalDate since) {
        return evaluator.evaluate(
                TWELVE_MONTHS,
                new FactsBuilder().asOf(date).indirectResellerSince(since).build());
    }

    @Test
    void tenure_is_met_exactly_twelve_months_after_the_start() {
        RequirementResult result = on(LocalDate.of(2025, 5, 20), SINCE);

        assertThat(result.status()).isEqualTo(RequirementStatus.MET);
        assertThat(result.reason()).isEqualTo("INDIRECT_TENURE_REACHED");
        assertThat(result.reasonArguments()).containsExactly("2024-05-20", "12");
        assertThat(result.details())
                .containsEntry("months", 12)
                .containsEntry("indirectResellerSince", "2024-05-20")
                .containsEntry("metOn", "2025-05-20");
    }

    @Test
    void one_day_short_is_not_met_and_says_when_it_will_be() {
        RequirementResult result = on(LocalDate.of(2025, 5, 19), SINCE);

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("INDIRECT_TENURE_TOO_SHORT");
        assertThat(result.reasonArguments()).containsExactly("2024-05-20", "12", "2025-05-20");
        assertThat(result.details()).containsEntry("metOn", "2025-05-20");
    }

    @Test
    void no_start_date_is_not_met() {
        RequirementResult result = evaluator.evaluate(
                TWELVE_MONTHS, new FactsBuilder().indirectResellerSince(null).build());

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("NOT_AN_INDIRECT_RESELLER");
        assertThat(result.reasonArguments()).containsExactly("12");
    }

    @Test
    void the_months_come_from_the_requirement() {
        Requirement six = new Requirement(RequirementCode.INDIRECT_TENURE, Level.REQUIRED, new Tenure(6));

        RequirementResult result = evaluator.evaluate(
                six,
                new FactsBuilder()
                        .asOf(LocalDate.of(2024, 11, 20))
                        .indirectResellerSince(SINCE)
                        .build());

        assertThat(result.status()).isEqualTo(RequirementStatus.MET);
    }

    @Test
    void a_start_on_29_february_is_met_on_28_february_a_year_later() {
        LocalDate leapDay = LocalDate.of(2024, 2, 29);

        assertThat(on(LocalDate.of(2025, 2, 28), leapDay).status()).isEqualTo(RequirementStatus.MET);
        assertThat(on(LocalDate.of(2025, 2, 27), leapDay).status()).isEqualTo(RequirementStatus.NOT_MET);
    }
}
