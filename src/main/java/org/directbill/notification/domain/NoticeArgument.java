package org.directbill.notification.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.directbill.shared.notice.Localizable;
import org.jspecify.annotations.Nullable;

/**
 * A notice's argument with its type kept, so that it is stored once and shown later in any
 * language: a date as a long date, an amount with the reader's separators, words in the reader's
 * language.
 */
public sealed interface NoticeArgument {

    /** Shown as it is: a market code, a reviewer's message. */
    record Text(String value) implements NoticeArgument {
        public Text {
            Objects.requireNonNull(value);
        }
    }

    /** A long date: "21 novembre 2026", "November 21, 2026". */
    record Date(LocalDate value) implements NoticeArgument {
        public Date {
            Objects.requireNonNull(value);
        }
    }

    /** An amount to the cent: "1 000 000,00", "1,000,000.00". */
    record Amount(BigDecimal value) implements NoticeArgument {
        public Amount {
            Objects.requireNonNull(value);
        }
    }

    /** A count: "1 200", "1,200". */
    record Count(long value) implements NoticeArgument {}

    /** Words: the message {@code code} with its own arguments, in the reader's language. */
    record Message(String code, List<NoticeArgument> arguments) implements NoticeArgument {
        public Message {
            Objects.requireNonNull(code);
            arguments = List.copyOf(arguments);
        }
    }

    /** The argument as a module published it; any other type is kept as its text. */
    static NoticeArgument of(@Nullable Object value) {
        if (value == null) {
            return new Text("");
        }
        if (value instanceof String text) {
            return new Text(text);
        }
        if (value instanceof LocalDate date) {
            return new Date(date);
        }
        if (value instanceof BigDecimal amount) {
            return new Amount(amount);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return new Count(((Number) value).longValue());
        }
        if (value instanceof Localizable words) {
            return new Message(words.code(), ofAll(words.arguments()));
        }
        return new Text(value.toString());
    }

    static List<NoticeArgument> ofAll(List<?> values) {
        return values.stream().map(NoticeArgument::of).toList();
    }
}
