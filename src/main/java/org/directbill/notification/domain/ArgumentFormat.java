package org.directbill.notification.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A notice's arguments written the reader's way, ready for its sentence's plain {@code {n}}
 * placeholders: the sentences hold no number or date formats, the language decides them here. A
 * list is one line per element, each prefixed with {@value #LIST_ITEM}.
 */
public final class ArgumentFormat {

    /**
     * Resolves a message code with its arguments in a language: each already written, but for amounts,
     * which stay numbers — words from another module (a requirement's reason) may format them with
     * their own pattern ({@code {0,number,#,##0.00}}), and a plain {@code {0}} writes them anyway.
     */
    @FunctionalInterface
    public interface Words {
        String resolve(String code, List<Object> arguments, Locale locale);
    }

    /** What starts each line of a list argument. */
    public static final String LIST_ITEM = "- ";

    private ArgumentFormat() {}

    public static List<String> all(List<NoticeArgument> arguments, Locale locale, Words words) {
        return arguments.stream().map(argument -> one(argument, locale, words)).toList();
    }

    public static String one(NoticeArgument argument, Locale locale, Words words) {
        if (argument instanceof NoticeArgument.Text text) {
            return text.value();
        }
        if (argument instanceof NoticeArgument.Date date) {
            return date(date.value(), locale);
        }
        if (argument instanceof NoticeArgument.Amount amount) {
            return amount(amount.value(), locale);
        }
        if (argument instanceof NoticeArgument.Count count) {
            return NumberFormat.getIntegerInstance(locale).format(count.value());
        }
        if (argument instanceof NoticeArgument.Items items) {
            return items.values().stream()
                    .map(element -> LIST_ITEM + one(element, locale, words))
                    .collect(Collectors.joining("\n"));
        }
        NoticeArgument.Message message = (NoticeArgument.Message) argument;
        List<Object> inner = message.arguments().stream()
                .<Object>map(each ->
                        each instanceof NoticeArgument.Amount amount ? amount.value() : one(each, locale, words))
                .toList();
        return words.resolve(message.code(), inner, locale);
    }

    /** "21 novembre 2026", "November 21, 2026". */
    public static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(date);
    }

    /** To the cent, half-even, with the language's separators: "1 000 000,00", "1,000,000.00". */
    public static String amount(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount);
    }
}
