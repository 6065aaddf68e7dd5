package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateMergeTest {

    private static ReferenceRate rate(String date, String currency, String value) {
        return new ReferenceRate(LocalDate.parse(date), currency, new BigDecimal(value));
    }

    @Test
    void a_rate_not_stored_yet_is_added() {
        RateMerge merge = RateMerge.of(List.of(rate("2024-01-31", "JPY", "159.79")), List.of());

        assertThat(merge.added()).containsExactly(rate("2024-01-31", "JPY", "159.79"));
        assertThat(merge.unchanged()).isZero();
        assertThat(merge.replaced()).isEmpty();
    }

    @Test
    void the_same_value_is_unchanged_whatever_its_trailing_zeros() {
        RateMerge merge = RateMerge.of(
                List.of(rate("2024-01-31", "GBP", "0.85490")), List.of(rate("2024-01-31", "GBP", "0.8549")));

        assertThat(merge.added()).isEmpty();
        assertThat(merge.unchanged()).isEqualTo(1);
        assertThat(merge.replaced()).isEmpty();
    }

    @Test
    void a_different_value_for_the_same_date_and_currency_replaces_the_stored_one() {
        ReferenceRate stored = rate("2024-01-31", "JPY", "159.79");
        ReferenceRate corrected = rate("2024-01-31", "JPY", "160.01");

        RateMerge merge = RateMerge.of(
                List.of(corrected, rate("2024-01-31", "USD", "1.0837")),
                List.of(stored, rate("2024-01-31", "USD", "1.0837"), rate("2024-01-30", "JPY", "160.13")));

        assertThat(merge.replaced()).containsExactly(new RateMerge.Replacement(stored, corrected));
        assertThat(merge.replacements()).containsExactly(corrected);
        assertThat(merge.unchanged()).isEqualTo(1);
        assertThat(merge.added()).isEmpty();
    }

    @Test
    void a_value_is_shown_plain_without_trailing_zeros_or_an_exponent() {
        assertThat(RateMerge.plain(new BigDecimal("159.790000000000000000"))).isEqualTo("159.79");
        assertThat(RateMerge.plain(new BigDecimal("100.000000000000000000"))).isEqualTo("100");
        assertThat(RateMerge.plain(new BigDecimal("0.000001000000000000"))).isEqualTo("0.000001");
    }
}
