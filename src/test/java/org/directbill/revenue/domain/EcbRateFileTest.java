package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcbRateFileTest {

    static String sample() {
        try (InputStream in = EcbRateFileTest.class.getResourceAsStream("/fx/ecb-2024-01.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final List<List<ReferenceRate>> batches = new ArrayList<>();

    private EcbRateFile.Outcome read(String csv) {
        return EcbRateFile.read(new StringReader(csv), 1000, batches::add);
    }

    private List<ReferenceRate> rates() {
        return batches.stream().flatMap(List::stream).toList();
    }

    private static ReferenceRate rate(String date, String currency, String value) {
        return new ReferenceRate(LocalDate.parse(date), currency, new BigDecimal(value));
    }

    @Test
    void the_ecb_sample_is_read_whole_with_every_rate_kept_exactly_as_written() {
        EcbRateFile.Outcome outcome = read(sample());

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.rowsRead()).isEqualTo(22);
        assertThat(rates()).hasSize(22 * 4 - 1);
        assertThat(rates())
                .contains(
                        rate("2024-01-31", "JPY", "159.79"),
                        rate("2024-01-30", "GBP", "0.85490"),
                        rate("2024-01-02", "CHF", "0.9290"));
        // Not even the trailing zero is lost: the value is kept with the scale it was written with.
        assertThat(rates())
                .filteredOn(r -> r.currency().equals("GBP") && r.publishedOn().getDayOfMonth() == 30)
                .singleElement()
                .extracting(r -> r.unitsPerEur().scale())
                .isEqualTo(5);
    }

    @Test
    void n_a_and_an_empty_cell_both_mean_no_rate_that_day() {
        EcbRateFile.Outcome outcome = read("Date,USD,JPY,CHF\n2024-01-17,1.0866,,N/A\n2024-01-16,n/a,160.97,0.9368\n");

        assertThat(outcome.accepted()).isTrue();
        assertThat(rates())
                .containsExactly(
                        rate("2024-01-17", "USD", "1.0866"),
                        rate("2024-01-16", "JPY", "160.97"),
                        rate("2024-01-16", "CHF", "0.9368"));
    }

    @Test
    void a_byte_order_mark_a_trailing_empty_column_and_blank_lines_are_allowed() {
        EcbRateFile.Outcome outcome = read("\uFEFFDate,USD,\r\n2024-01-31,1.0837,\r\n\r\n2024-01-30,1.0846,\r\n");

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.rowsRead()).isEqualTo(2);
        assertThat(rates()).containsExactly(rate("2024-01-31", "USD", "1.0837"), rate("2024-01-30", "USD", "1.0846"));
    }

    @Test
    void rows_without_the_trailing_comma_of_the_header_are_fine_too() {
        assertThat(read("Date,USD,\n2024-01-31,1.0837\n").accepted()).isTrue();
        assertThat(read("Date,USD\n2024-01-31,1.0837,\n").accepted()).isTrue();
    }

    @Test
    void any_iso_4217_code_may_be_a_column_even_one_the_ecb_does_not_publish() {
        EcbRateFile.Outcome outcome = read("Date,AED,KZT,SAR,CYP\n2024-01-31,3.9798,489.12,4.0643,0.585274\n");

        assertThat(outcome.accepted()).isTrue();
        assertThat(rates()).extracting(ReferenceRate::currency).containsExactly("AED", "KZT", "SAR", "CYP");
    }

    @Test
    void the_date_column_may_stand_anywhere() {
        assertThat(read("USD,Date\n1.0837,2024-01-31\n").accepted()).isTrue();
        assertThat(rates()).containsExactly(rate("2024-01-31", "USD", "1.0837"));
    }

    @Test
    void every_bad_cell_is_listed_with_its_line_and_column_and_nothing_is_handed_over() {
        String csv = """
                Date,USD,JPY,GBP,
                2024-01-31,1.0837,159.79,0.85365,
                2024-01-30,-1.0846,160.13,0,
                2024-02-30,1.0823,abc,"0,85",
                2024-01-31,1.0871,1e3,0.85476,
                2024-01-26,1.0871
                """;
        EcbRateFile.Outcome outcome = read(csv);

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.errorCount()).isEqualTo(8);
        assertThat(outcome.errors())
                .extracting(RateFileError::line, RateFileError::column, RateFileError::code, RateFileError::arguments)
                .containsExactly(
                        tuple(3L, "USD", "BAD_RATE", List.of("-1.0846")),
                        tuple(3L, "GBP", "BAD_RATE", List.of("0")),
                        tuple(4L, "Date", "BAD_DATE", List.of("2024-02-30")),
                        tuple(4L, "JPY", "BAD_RATE", List.of("abc")),
                        tuple(4L, "GBP", "BAD_RATE", List.of("0,85")),
                        tuple(5L, "Date", "DUPLICATE_DATE", List.of("2024-01-31", "2")),
                        tuple(5L, "JPY", "BAD_RATE", List.of("1e3")),
                        tuple(6L, null, "MALFORMED_ROW", List.of("2", "4")));
        assertThat(batches).isEmpty();
    }

    @Test
    void a_header_without_a_date_column_is_refused_before_any_row_is_read() {
        EcbRateFile.Outcome outcome = read("Day,USD\n2024-01-31,1.0837\n");

        assertThat(outcome.errors())
                .extracting(RateFileError::line, RateFileError::column, RateFileError::code)
                .containsExactly(tuple(1L, "Day", "UNKNOWN_CURRENCY"), tuple(1L, "Date", "MISSING_COLUMN"));
        assertThat(outcome.rowsRead()).isZero();
        assertThat(batches).isEmpty();
    }

    @Test
    void unknown_repeated_unnamed_and_base_currency_columns_are_refused_in_the_header() {
        EcbRateFile.Outcome outcome = read("Date,USD,usd,XYZ,,EUR,USD\n2024-01-31,1,1,1,1,1,1\n");

        assertThat(outcome.errors())
                .extracting(RateFileError::line, RateFileError::column, RateFileError::code)
                .containsExactly(
                        tuple(1L, "usd", "UNKNOWN_CURRENCY"),
                        tuple(1L, "XYZ", "UNKNOWN_CURRENCY"),
                        tuple(1L, "5", "UNNAMED_COLUMN"),
                        tuple(1L, "EUR", "BASE_CURRENCY"),
                        tuple(1L, "USD", "DUPLICATE_COLUMN"));
        assertThat(batches).isEmpty();
    }

    @Test
    void an_empty_file_is_refused() {
        assertThat(read("").errors())
                .extracting(RateFileError::line, RateFileError::code)
                .containsExactly(tuple(1L, "EMPTY_FILE"));
        assertThat(read("\n\n").errors()).extracting(RateFileError::code).containsExactly("EMPTY_FILE");
    }

    @Test
    void a_header_alone_is_a_file_with_no_rates() {
        EcbRateFile.Outcome outcome = read("Date,USD,JPY,\n");

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.rowsRead()).isZero();
        assertThat(batches).isEmpty();
    }

    @Test
    void a_rate_with_more_digits_than_the_store_keeps_is_refused_rather_than_rounded() {
        String fine = "1." + "1".repeat(18);
        String tooPrecise = "1." + "1".repeat(19);
        String tooLarge = "1".repeat(21);

        assertThat(read("Date,USD\n2024-01-31," + fine + "\n").accepted()).isTrue();
        assertThat(read("Date,USD\n2024-01-31," + tooPrecise + "\n2024-01-30," + tooLarge + "\n")
                        .errors())
                .extracting(RateFileError::code)
                .containsExactly("BAD_RATE", "BAD_RATE");
    }

    @Test
    void an_unclosed_quote_stops_the_reading_and_says_where() {
        EcbRateFile.Outcome outcome = read("Date,USD\n2024-01-31,1.0837\n2024-01-30,\"1.0846\n");

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.errors()).extracting(RateFileError::code).last().isEqualTo("MALFORMED_CSV");
    }

    @Test
    void line_numbers_count_the_header_as_line_one_and_count_blank_lines() {
        EcbRateFile.Outcome outcome = read("Date,USD\n\n2024-01-31,x\n");

        assertThat(outcome.errors()).extracting(RateFileError::line).containsExactly(3L);
    }

    @Test
    void rates_are_handed_over_a_batch_of_rows_at_a_time() {
        EcbRateFile.Outcome outcome = EcbRateFile.read(new StringReader(sample()), 5, batches::add);

        assertThat(outcome.accepted()).isTrue();
        assertThat(batches).hasSize(5); // 22 rows: 5 + 5 + 5 + 5 + 2
        assertThat(batches.get(0)).hasSize(20);
        assertThat(batches.get(4)).hasSize(8);
    }

    @Test
    void beyond_a_thousand_errors_they_are_counted_but_not_listed() {
        StringBuilder csv = new StringBuilder("Date,USD,JPY\n");
        for (int day = 0; day < 600; day++) {
            csv.append(LocalDate.of(2000, 1, 1).plusDays(day)).append(",x,y\n");
        }
        EcbRateFile.Outcome outcome = read(csv.toString());

        assertThat(outcome.errorCount()).isEqualTo(1200);
        assertThat(outcome.errors()).hasSize(EcbRateFile.MAX_LISTED_ERRORS);
    }
}
