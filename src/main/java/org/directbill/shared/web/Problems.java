package org.directbill.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds every problem document the same way: type and code, a title and a detail in the reader's language. */
@Component
public class Problems {

    private final Localized localized;

    Problems(Localized localized) {
        this.localized = localized;
    }

    public ProblemDetail of(int status, String code, List<?> arguments, String instance) {
        return of(status, code, arguments, instance, LocaleContextHolder.getLocale());
    }

    public ProblemDetail of(int status, String code, List<?> arguments, String instance, Locale locale) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(ProblemTypes.of(code));
        body.setTitle(localized.text("status." + status, List.of(), locale));
        body.setDetail(localized.text("problem." + code, arguments, locale));
        body.setInstance(URI.create(instance.isEmpty() ? "/" : instance));
        body.setProperty("code", code);
        return body;
    }
}
