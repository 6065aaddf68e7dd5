package org.directbill.revenue.domain;

import java.util.Currency;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** ISO 4217 currency codes as the JDK knows them, current and historical (e.g. CYP, EEK, TRL). */
public final class CurrencyCodes {

    private static final Pattern THREE_CAPITALS = Pattern.compile("[A-Z]{3}");

    private CurrencyCodes() {}

    /** Three capital letters that name an ISO 4217 currency; {@code usd} or {@code XYZ} do not. */
    public static boolean isIso4217(@Nullable String code) {
        if (code == null || !THREE_CAPITALS.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
