package org.directbill.revenue.api;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;

/** The {@code asOf} query parameter of the revenue calls: a date {@code YYYY-MM-DD}, today when absent. */
public final class AsOfParameter {

    public static final String NAME = "asOf";

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private AsOfParameter() {}

    /** The date given, or {@code today} when none is; a 400 naming the parameter when it is not a date. */
    public static LocalDate parse(@Nullable String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        String value = text.strip();
        LocalDate date;
        try {
            date = LocalDate.parse(value, DATE);
        } catch (DateTimeParseException notADate) {
            throw new InvalidInput(List.of(Violation.of(NAME, "INVALID_DATE", value)));
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidInput(List.of(Violation.of(NAME, "OUT_OF_RANGE", EARLIEST, LATEST)));
        }
        return date;
    }
}
