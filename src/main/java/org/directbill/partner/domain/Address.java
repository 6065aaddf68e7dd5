package org.directbill.partner.domain;

import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;

/** The company's legal address. */
public record Address(String line1, String city, String postalCode, String country) {

    static @Nullable Address validated(@Nullable Address input, Violations violations) {
        if (input == null) {
            violations.add("address", "REQUIRED");
            return null;
        }
        String line1 = violations.requireText("address.line1", input.line1(), 200);
        String city = violations.requireText("address.city", input.city(), 100);
        String postalCode = violations.requireText("address.postalCode", input.postalCode(), 20);
        String country = CountryRule.require("address.country", input.country(), violations);
        if (line1 == null || city == null || postalCode == null || country == null) {
            return null;
        }
        return new Address(line1, city, postalCode, country);
    }
}
