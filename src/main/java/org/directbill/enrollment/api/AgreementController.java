package org.directbill.enrollment.api;

import java.time.LocalDate;
import java.util.Locale;
import org.directbill.enrollment.Agreements;
import org.directbill.enrollment.domain.Agreement;
import org.directbill.partner.domain.Countries;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The direct-bill agreement in force, in the caller's language: one text for every market. */
@RestController
class AgreementController {

    private final Agreements agreements;

    AgreementController(Agreements agreements) {
        this.agreements = agreements;
    }

    record AgreementText(
            String version,
            LocalDate effectiveFrom,
            String language,
            @Nullable String market,
            String title,
            String text) {}

    @GetMapping("/api/v1/agreements/current")
    AgreementText current(@RequestParam(required = false) @Nullable String market) {
        String code = null;
        if (market != null && !market.isBlank()) {
            code = market.strip().toUpperCase(Locale.ROOT);
            if (!Countries.isIsoCode(code)) {
                new Violations().add("market", "INVALID_COUNTRY", market).throwIfAny();
            }
        }
        Agreement agreement = agreements.current();
        Locale locale = LocaleContextHolder.getLocale();
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";
        return new AgreementText(
                agreement.version(),
                agreement.effectiveFrom(),
                language,
                code,
                agreement.title(locale),
                agreement.text(locale));
    }
}
