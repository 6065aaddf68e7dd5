package org.directbill.partner.domain;

import java.util.Locale;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/** A mandatory ISO 3166-1 alpha-2 country, accepted in any case and stored upper case. */
final class CountryRule {

    private CountryRule() {}

    static @Nullable String require(String field, @Nullable String value, Violations violations) {
        // Any length is read here so that "FRA" gets one clear error (not a country), not two.
        String text = violations.requireText(field, value, Integer.MAX_VALUE);
        if (text == null) {
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (!Countries.isIsoCode(code)) {
            violations.add(field, "INVALID_COUNTRY", text);
            return null;
        }
        return code;
    }
}
