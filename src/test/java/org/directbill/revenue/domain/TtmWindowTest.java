package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The twelve complete months of the revenue, moved on by the refresh day (domain.md, TTM step 2). */
class TtmWindowTest {

    static TtmWindow window(String asOf) {
        return TtmWindow.asOf(LocalDate.parse(asOf));
    }

    static TtmWindow months(String start, String end) {
        return new TtmWindow(YearMonth.parse(start), YearMonth.parse(end));
    }

    @Test
    void after_the_refresh_day_the_window_ends_with_the_previous_month() {
        assertThat(window("2020-09-09")).isEqualTo(months("2019-09", "2020-08"));
    }

    @Test
    void before_the_refresh_day_the_window_ends_two_months_before() {
        assertThat(window("2020-09-05")).isEqualTo(months("2019-08", "2020-07"));
    }

    @Test
    void on_the_refresh_day_the_previous_month_is_already_in() {
        assertThat(window("2020-09-08")).isEqualTo(months("2019-09", "2020-08"));
    }

    @Test
    void the_day_before_the_refresh_day_the_previous_month_is_not_in_yet() {
        assertThat(window("2020-09-07")).isEqualTo(months("2019-08", "2020-07"));
    }

    @Test
    void on_the_first_of_january_the_window_ends_in_november_of_the_year_before() {
        assertThat(window("2021-01-01")).isEqualTo(months("2019-12", "2020-11"));
    }

    @Test
    void on_the_eighth_of_january_the_window_is_the_previous_calendar_year() {
        assertThat(window("2021-01-08")).isEqualTo(months("2020-01", "2020-12"));
    }

    @Test
    void on_the_seventh_of_march_the_window_ends_in_january() {
        assertThat(window("2020-03-07")).isEqualTo(months("2019-02", "2020-01"));
        assertThat(window("2020-03-07").contains(LocalDate.of(2020, 2, 29))).isFalse();
    }

    @Test
    void on_the_eighth_of_march_the_window_takes_february_up_to_its_leap_day() {
        assertThat(window("2020-03-08")).isEqualTo(months("2019-03", "2020-02"));
        assertThat(window("2020-03-08").contains(LocalDate.of(2020, 2, 29))).isTrue();
    }

    @Test
    void the_window_lists_its_twelve_months_oldest_first() {
        assertThat(window("2020-09-09").months())
                .hasSize(12)
                .startsWith(YearMonth.of(2019, 9), YearMonth.of(2019, 10))
                .endsWith(YearMonth.of(2020, 7), YearMonth.of(2020, 8));
    }

    @Test
    void a_billing_date_is_in_from_the_first_day_of_the_first_month_to_the_last_day_of_the_last() {
        TtmWindow window = window("2020-09-09");

        assertThat(window.firstDay()).isEqualTo(LocalDate.of(2019, 9, 1));
        assertThat(window.lastDay()).isEqualTo(LocalDate.of(2020, 8, 31));
        assertThat(window.contains(LocalDate.of(2019, 9, 1))).isTrue();
        assertThat(window.contains(LocalDate.of(2020, 8, 31))).isTrue();
        assertThat(window.contains(LocalDate.of(2019, 8, 31))).isFalse();
        assertThat(window.contains(LocalDate.of(2020, 9, 1))).isFalse();
    }

    @Test
    void the_length_and_the_refresh_day_are_parameters() {
        assertThat(TtmWindow.asOf(LocalDate.parse("2020-09-01"), 3, 1)).isEqualTo(months("2020-06", "2020-08"));
        assertThat(TtmWindow.asOf(LocalDate.parse("2020-09-14"), 1, 15)).isEqualTo(months("2020-07", "2020-07"));
    }

    @Test
    void a_window_of_no_month_or_a_refresh_day_outside_the_month_is_refused() {
        LocalDate asOf = LocalDate.parse("2020-09-09");

        assertThatThrownBy(() -> TtmWindow.asOf(asOf, 0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TtmWindow.asOf(asOf, 12, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TtmWindow.asOf(asOf, 12, 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
