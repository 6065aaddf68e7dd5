package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrencyCoverageTest {

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void a_weekend_and_a_four_day_easter_are_no_gap() {
        assertThat(Gap.between(day("2024-01-12"), day("2024-01-15"))).isEmpty();
        assertThat(Gap.between(day("2024-03-28"), day("2024-04-02"))).isEmpty();
    }

    @Test
    void five_days_or_more_without_a_publication_are_a_gap_from_the_day_after_to_the_day_before() {
        Gap gap = Gap.between(day("2024-03-28"), day("2024-04-03")).orElseThrow();

        assertThat(gap.from()).isEqualTo("2024-03-29");
        assertThat(gap.to()).isEqualTo("2024-04-02");
        assertThat(gap.days()).isEqualTo(5);
    }

    @Test
    void each_currency_gets_its_own_gaps() {
        List<CurrencyCoverage> coverage = CurrencyCoverage.of(
                List.of(
                        new CurrencyCoverage.Span("CHF", day("2024-01-02"), day("2024-01-31"), 21),
                        new CurrencyCoverage.Span("USD", day("2024-01-02"), day("2024-01-31"), 22)),
                List.of(
                        new CurrencyCoverage.Silence("CHF", day("2024-01-05"), day("2024-01-15")),
                        new CurrencyCoverage.Silence("CHF", day("2024-01-16"), day("2024-01-18"))));

        assertThat(coverage.get(0).gaps()).containsExactly(new Gap(day("2024-01-06"), day("2024-01-14")));
        assertThat(coverage.get(1).gaps()).isEmpty();
        assertThat(coverage.get(1).publications()).isEqualTo(22);
    }
}
