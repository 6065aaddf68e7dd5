package org.directbill.notification.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /**
     * A list: one line per element, each written its own way and prefixed with {@code "- "}, so its
     * placeholder stands on a line of its own in the sentence. Elements are never lists themselves: a
     * list published inside a list is flattened into it.
     */
    record Items(List<NoticeArgument> values) implements NoticeArgument {
        public Items {
            values = List.copyOf(values);
            if (values.stream().anyMatch(Items.class::isInstance)) {
                throw new IllegalArgumentException("a list argument holds no list: " + values);
            }
        }
    }

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
        if (value instanceof List<?> list) {
            return new Items(flat(list));
        }
        if (value instanceof Localizable words) {
            return new Message(words.code(), ofAll(words.arguments()));
        }
        return new Text(value.toString());
    }

    static List<NoticeArgument> ofAll(List<?> values) {
        return values.stream().map(NoticeArgument::of).toList();
    }

    private static List<NoticeArgument> flat(List<?> values) {
        List<NoticeArgument> elements = new ArrayList<>();
        for (Object value : values) {
            NoticeArgument element = of(value);
            if (element instanceof Items inner) {
                elements.addAll(inner.values());
            } else {
                elements.add(element);
            }
        }
        return elements;
    }
}
