package org.directbill.partner.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ISO countries for a select box, named and sorted in the reader's language. */
final class CountryOptions {

    private CountryOptions() {}

    record Country(String code, String name) {}

    static List<Country> in(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    /** Country names by ISO code, to show "France" rather than "FR". */
    static Map<String, String> names(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        in(locale).forEach(country -> names.put(country.code(), country.name()));
        return names;
    }
}
