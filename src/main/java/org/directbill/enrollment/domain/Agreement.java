package org.directbill.enrollment.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A version of the direct-bill agreement, in French and English. A new version takes effect on its
 * date; an enrollment accepts the version current on the day it accepts.
 */
public record Agreement(String version, LocalDate effectiveFrom, Map<String, String> title, Map<String, String> text) {

    public Agreement {
        Objects.requireNonNull(version);
        Objects.requireNonNull(effectiveFrom);
        title = Map.copyOf(title);
        text = Map.copyOf(text);
        for (String language : new String[] {"en", "fr"}) {
            if (!title.containsKey(language) || !text.containsKey(language)) {
                throw new IllegalArgumentException("agreement " + version + " lacks its " + language + " text");
            }
        }
    }

    public String title(Locale locale) {
        return title.get(language(locale));
    }

    public String text(Locale locale) {
        return text.get(language(locale));
    }

    private static String language(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? "fr" : "en";
    }
}
