package org.directbill.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.directbill.shared.notice.Localizable;
import org.junit.jupiter.api.Test;

class ArgumentFormatTest {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final Locale ENGLISH = Locale.ENGLISH;

    /** Words for the test: the code and its arguments in the reader's language tag. */
    private static final ArgumentFormat.Words WORDS =
            (code, arguments, locale) -> locale.getLanguage() + ":" + code + arguments;

    @Test
    void a_date_is_a_long_date_in_the_readers_language() {
        LocalDate date = LocalDate.of(2026, 11, 21);

        assertThat(ArgumentFormat.date(date, FRENCH)).isEqualTo("21 novembre 2026");
        assertThat(ArgumentFormat.date(date, ENGLISH)).isEqualTo("November 21, 2026");
    }

    @Test
    void an_amount_has_the_readers_separators_and_two_decimals() {
        assertThat(spaces(ArgumentFormat.amount(new BigDecimal("1000000"), FRENCH)))
                .isEqualTo("1 000 000,00");
        assertThat(ArgumentFormat.amount(new BigDecimal("1000000"), ENGLISH)).isEqualTo("1,000,000.00");
        // To the cent, half-even, as amounts are shown everywhere else.
        assertThat(ArgumentFormat.amount(new BigDecimal("1234.565"), ENGLISH)).isEqualTo("1,234.56");
        assertThat(ArgumentFormat.amount(new BigDecimal("-0.5"), ENGLISH)).isEqualTo("-0.50");
    }

    @Test
    void published_values_keep_their_type_and_are_written_each_their_way() {
        List<NoticeArgument> arguments = NoticeArgument.ofAll(List.of(
                "FR",
                LocalDate.of(2026, 1, 5),
                new BigDecimal("2500.5"),
                1200,
                Localizable.of("requirement.code.TTM_REVENUE", new BigDecimal("300000"))));

        assertThat(arguments)
                .containsExactly(
                        new NoticeArgument.Text("FR"),
                        new NoticeArgument.Date(LocalDate.of(2026, 1, 5)),
                        new NoticeArgument.Amount(new BigDecimal("2500.5")),
                        new NoticeArgument.Count(1200),
                        new NoticeArgument.Message(
                                "requirement.code.TTM_REVENUE",
                                List.of(new NoticeArgument.Amount(new BigDecimal("300000")))));
        assertThat(ArgumentFormat.all(arguments, FRENCH, WORDS).stream()
                        .map(ArgumentFormatTest::spaces)
                        .toList())
                .containsExactly(
                        // Inside words, an amount stays a number, for the words' own pattern to write.
                        "FR", "5 janvier 2026", "2 500,50", "1 200", "fr:requirement.code.TTM_REVENUE[300000]");
        assertThat(ArgumentFormat.all(arguments, ENGLISH, WORDS))
                .containsExactly(
                        "FR", "January 5, 2026", "2,500.50", "1,200", "en:requirement.code.TTM_REVENUE[300000]");
    }

    @Test
    void a_list_is_one_line_per_element_each_written_its_way_after_a_dash() {
        NoticeArgument list = NoticeArgument.of(List.of(
                "Revenue below the threshold",
                LocalDate.of(2026, 12, 21),
                List.of(new BigDecimal("1000000"), Localizable.of("requirement.code.SUPPORT_PLAN"))));

        assertThat(list)
                .as("a list inside a list is flattened into it")
                .isEqualTo(new NoticeArgument.Items(List.of(
                        new NoticeArgument.Text("Revenue below the threshold"),
                        new NoticeArgument.Date(LocalDate.of(2026, 12, 21)),
                        new NoticeArgument.Amount(new BigDecimal("1000000")),
                        new NoticeArgument.Message("requirement.code.SUPPORT_PLAN", List.of()))));
        assertThat(spaces(ArgumentFormat.one(list, FRENCH, WORDS)))
                .isEqualTo("- Revenue below the threshold\n- 21 décembre 2026\n- 1 000 000,00\n"
                        + "- fr:requirement.code.SUPPORT_PLAN[]");
        assertThat(ArgumentFormat.one(list, ENGLISH, WORDS))
                .isEqualTo("- Revenue below the threshold\n- December 21, 2026\n- 1,000,000.00\n"
                        + "- en:requirement.code.SUPPORT_PLAN[]");
        assertThat(ArgumentFormat.one(NoticeArgument.of(List.of()), ENGLISH, WORDS))
                .isEmpty();
    }

    @Test
    void a_list_inside_words_is_written_as_lines_too() {
        NoticeArgument words = NoticeArgument.of(Localizable.of("compliance.reasons", List.of("A", "B")));

        assertThat(ArgumentFormat.one(words, ENGLISH, WORDS)).isEqualTo("en:compliance.reasons[- A\n- B]");
    }

    @Test
    void a_value_of_another_type_is_kept_as_its_text_and_null_as_nothing() {
        assertThat(NoticeArgument.of(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo(new NoticeArgument.Text("00000000-0000-0000-0000-000000000001"));
        assertThat(NoticeArgument.of(null)).isEqualTo(new NoticeArgument.Text(""));
    }

    /** French separates thousands with a (narrow) no-break space: compared as a plain space. */
    private static String spaces(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
