package org.directbill.revenue.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.directbill.revenue.domain.UsdAmount;

/** Amounts in US dollars as a reader of the page writes them: cents, separators of their language. */
public final class Amounts {

    private final Locale locale;

    Amounts(Locale locale) {
        this.locale = locale;
    }

    /** To cents, half-even, from the exact amount: {@code 312,345.67} or {@code 312 345,67}. */
    public String of(UsdAmount amount) {
        return decimal(amount.rounded());
    }

    public String of(BigDecimal amount) {
        return of(new UsdAmount(amount));
    }

    /** A count of lines, with the separators of the reader's language. */
    public String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    String decimal(BigDecimal rounded) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(rounded);
    }

    /** Short, for a label on a bar: {@code 26.1K}, {@code 26,1 k}. */
    String compact(UsdAmount amount) {
        NumberFormat format = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        // A label only, never added up: given a BigDecimal, the JDK's compact format ignores the
        // fraction digits (1606.25 gives "2K"), given a double it keeps them ("1.6K").
        return format.format(amount.rounded().doubleValue());
    }
}
