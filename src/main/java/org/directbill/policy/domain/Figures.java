package org.directbill.policy.domain;

import java.math.BigDecimal;
import java.util.Collection;
import org.directbill.revenue.domain.UsdAmount;

/** How evaluators write the figures of a result: JSON-friendly values, the same in details and reasons. */
final class Figures {

    private Figures() {}

    /** A plain decimal string with at least two decimals, never rounded ({@code 300000.00}). */
    static String money(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.scale())).toPlainString();
    }

    /** Rounded to cents as the revenue shows it ({@code 1234.57}). */
    static String money(UsdAmount amount) {
        return amount.rounded().toPlainString();
    }

    /** A list in a sentence: the items separated by commas, as they come. */
    static String list(Collection<String> items) {
        return String.join(", ", items);
    }
}
