package org.directbill.revenue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.directbill.shared.validation.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code asOf} parameter: a real date written YYYY-MM-DD, today when absent. */
class AsOfParameterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void an_absent_or_blank_date_is_today() {
        assertThat(AsOfParameter.parse(null, TODAY)).isEqualTo(TODAY);
        assertThat(AsOfParameter.parse(" ", TODAY)).isEqualTo(TODAY);
    }

    @Test
    void a_date_in_the_future_or_the_past_is_taken_as_it_is() {
        assertThat(AsOfParameter.parse("2020-09-09", TODAY)).isEqualTo(LocalDate.of(2020, 9, 9));
        assertThat(AsOfParameter.parse("2099-12-31", TODAY)).isEqualTo(LocalDate.of(2099, 12, 31));
        assertThat(AsOfParameter.parse("2024-02-29", TODAY)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2020-13-01", "2020-9-9", "09/09/2020", "20200909", "+12020-01-01", "today"})
    void anything_else_is_refused_naming_the_parameter(String text) {
        assertThatThrownBy(() -> AsOfParameter.parse(text, TODAY))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> {
                    assertThat(invalid.violations()).hasSize(1);
                    assertThat(invalid.violations().get(0).field()).isEqualTo("asOf");
                });
    }

    @Test
    void a_date_before_1900_is_out_of_range() {
        assertThatThrownBy(() -> AsOfParameter.parse("1899-12-31", TODAY))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid ->
                                assertThat(invalid.violations().get(0).code()).isEqualTo("OUT_OF_RANGE"));
    }
}
