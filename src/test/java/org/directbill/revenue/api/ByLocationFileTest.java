package org.directbill.revenue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.directbill.revenue.api.ByLocationFile.Format;
import org.directbill.shared.validation.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/** Which format a download takes: the {@code format} parameter first, then the {@code Accept} header. */
class ByLocationFileTest {

    @ParameterizedTest(name = "Accept: {0} gives {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "|CSV",
                "*/*|CSV",
                "text/*|CSV",
                "text/csv|CSV",
                "text/tab-separated-values|TSV",
                "text/csv;q=0.5, text/tab-separated-values|TSV",
                "text/tab-separated-values;q=0.4, text/csv;q=0.8|CSV",
                "text/tab-separated-values, */*;q=0.1|TSV",
                "text/*;q=0.9, text/csv;q=0|TSV",
                "application/json, */*;q=0.5|CSV",
                "not a media type|CSV"
            })
    void the_accept_header_chooses_csv_unless_it_prefers_tsv(String accept, Format expected) throws Exception {
        assertThat(Format.choose(null, accept)).isEqualTo(expected);
    }

    @Test
    void the_format_parameter_wins_over_the_accept_header() throws Exception {
        assertThat(Format.choose("tsv", "text/csv")).isEqualTo(Format.TSV);
        assertThat(Format.choose("CSV", "text/tab-separated-values")).isEqualTo(Format.CSV);
        assertThat(Format.choose(" ", "text/tab-separated-values")).isEqualTo(Format.TSV);
    }

    @Test
    void an_unknown_format_is_a_400_naming_the_parameter_and_an_accept_of_neither_a_406() {
        assertThatThrownBy(() -> Format.choose("xlsx", null))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid ->
                                assertThat(invalid.violations().get(0).field()).isEqualTo("format"));
        assertThatThrownBy(() -> Format.choose(null, "application/json"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        assertThatThrownBy(() -> Format.choose(null, "text/csv;q=0"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    }
}
