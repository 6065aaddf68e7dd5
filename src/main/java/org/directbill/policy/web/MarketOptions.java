package org.directbill.policy.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.modulith.NamedInterface;

/**
 * The markets a partner may check itself for, as a select box: the countries it has locations in
 * first (where it most likely applies), then every other ISO country, each named and sorted in the
 * reader's language. The enrollment's market picker is the same.
 */
@NamedInterface("pages")
public record MarketOptions(List<Country> partnerCountries, List<Country> otherCountries) {

    @NamedInterface("pages")
    public record Country(String code, String name) {}

    public static MarketOptions of(Collection<String> partnerCountries, Locale locale) {
        Set<String> own = new TreeSet<>(partnerCountries);
        Collator collator = Collator.getInstance(locale);
        List<Country> all = Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, name(code, locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
        return new MarketOptions(
                all.stream().filter(c -> own.contains(c.code())).toList(),
                all.stream().filter(c -> !own.contains(c.code())).toList());
    }

    /** "France" for FR, in the reader's language; the code itself for one Java does not know. */
    public static String name(String code, Locale locale) {
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }
}
