package org.directbill.notification.domain;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The language a recipient is written to in: a user's saved language; otherwise (the primary
 * contact, or a user who never chose) French for a partner in a French-speaking country, else
 * English.
 *
 * <p>French-speaking: France with its overseas departments and territories (which have country
 * codes of their own), Belgium, Luxembourg, Monaco and Switzerland, Haiti, and the African countries
 * where French is an official language and the usual language of business. Not Canada, Rwanda,
 * Seychelles or Vanuatu, where French is official beside English and most businesses write English;
 * their users who prefer French choose it for themselves.
 */
public final class NoticeLanguage {

    public static final String FRENCH = "fr";
    public static final String ENGLISH = "en";

    static final Set<String> FRENCH_SPEAKING = Set.of(
            // France and its overseas departments and territories
            "FR",
            "GP",
            "MQ",
            "GF",
            "RE",
            "YT",
            "PM",
            "BL",
            "MF",
            "NC",
            "PF",
            "WF",
            "TF",
            // Europe
            "BE",
            "LU",
            "MC",
            "CH",
            // the Americas
            "HT",
            // Africa and the Indian Ocean
            "SN",
            "CI",
            "ML",
            "BF",
            "NE",
            "TG",
            "BJ",
            "GN",
            "CD",
            "CG",
            "GA",
            "CF",
            "TD",
            "CM",
            "MG",
            "DJ",
            "KM",
            "BI");

    private NoticeLanguage() {}

    /** {@code fr} or {@code en} for a partner's country, when a recipient has no language of its own. */
    public static String ofCountry(String country) {
        return FRENCH_SPEAKING.contains(country.toUpperCase(Locale.ROOT)) ? FRENCH : ENGLISH;
    }

    /** The user's saved language when it is one the service speaks, else the country's. */
    public static String of(@Nullable String savedLocale, String country) {
        if (savedLocale != null) {
            String language = savedLocale.strip().toLowerCase(Locale.ROOT);
            if (language.equals(FRENCH) || language.equals(ENGLISH)) {
                return language;
            }
        }
        return ofCountry(country);
    }
}
