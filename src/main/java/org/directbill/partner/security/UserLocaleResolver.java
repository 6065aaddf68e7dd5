package org.directbill.partner.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.UserAccount;
import org.directbill.partner.domain.UserAccounts;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * French or English: the language chosen in this session (the switch, or the user's saved choice
 * applied at login), else the browser's {@code Accept-Language}, else English. Switching while
 * signed in saves the choice on the user.
 */
@Component("localeResolver")
class UserLocaleResolver implements LocaleResolver {

    static final String SESSION_ATTRIBUTE = UserLocaleResolver.class.getName() + ".locale";
    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final UserAccounts users;

    UserLocaleResolver(UserAccounts users) {
        this.users = users;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale chosen) {
            return chosen;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformedHeader) {
                // A header we cannot read is treated as absent.
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        if (!UserAccount.LOCALES.contains(language)) {
            return;
        }
        remember(request, language);
        Callers.find().ifPresent(caller -> users.updateLocale(caller.userId(), language));
    }

    /** The language explicitly chosen in this session, if any. */
    static @Nullable String chosen(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale chosen
                ? chosen.getLanguage()
                : null;
    }

    static void remember(HttpServletRequest request, String language) {
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, Locale.forLanguageTag(language));
    }
}
