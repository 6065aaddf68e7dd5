package org.directbill.partner.domain;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes and the countries that require a registration ID. */
public final class Countries {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    /** Where the program requires a tax or registration ID for the company (domain.md). */
    private static final Set<String> REGISTRATION_ID_REQUIRED = Set.of(
            "AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL", "RU", "SA", "ZA", "SS", "TJ", "TH",
            "TR", "UA", "AE", "UZ", "VE", "VN");

    private Countries() {}

    public static boolean isIsoCode(String code) {
        return code.length() == 2 && ISO_CODES.contains(code);
    }

    public static boolean requiresRegistrationId(String country) {
        return REGISTRATION_ID_REQUIRED.contains(country);
    }

    public static Set<String> requiringRegistrationId() {
        return REGISTRATION_ID_REQUIRED;
    }
}
