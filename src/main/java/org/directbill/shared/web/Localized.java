package org.directbill.shared.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message keys in the caller's language (French or English), never failing on a missing key. */
@Component
public class Localized {

    private final MessageSource messages;

    Localized(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, List<?> arguments) {
        return text(key, arguments, LocaleContextHolder.getLocale());
    }

    public String text(String key, List<?> arguments, Locale locale) {
        return messages.getMessage(key, arguments.toArray(), key, locale);
    }

    public String text(String key, Object... arguments) {
        return text(key, List.of(arguments));
    }
}
