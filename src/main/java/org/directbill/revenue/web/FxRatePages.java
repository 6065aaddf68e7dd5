package org.directbill.revenue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.directbill.revenue.ExchangeRates;
import org.directbill.revenue.api.RateFileErrors;
import org.directbill.revenue.domain.CurrencyCoverage;
import org.directbill.revenue.domain.EcbRateFile;
import org.directbill.revenue.domain.Gap;
import org.directbill.revenue.domain.InvalidRateFile;
import org.directbill.revenue.domain.PublishedUsdRates;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The exchange rates for people: which days they cover (program staff), and the import form (program admins). */
@PageController
class FxRatePages {

    private final ExchangeRates rates;
    private final Localized localized;
    private final int maxAgeDays;

    FxRatePages(
            ExchangeRates rates,
            Localized localized,
            @Value("${directbill.revenue.fx.max-age-days:" + PublishedUsdRates.DEFAULT_MAX_AGE_DAYS + "}")
                    int maxAgeDays) {
        this.rates = rates;
        this.localized = localized;
        this.maxAgeDays = maxAgeDays;
    }

    @GetMapping("/fx-rates")
    String coverage(Model model) {
        List<CurrencyCoverage> coverage = rates.coverage();
        model.addAttribute("coverage", coverage);
        model.addAttribute("currencyNames", names(coverage, LocaleContextHolder.getLocale()));
        model.addAttribute("maxAgeDays", maxAgeDays);
        model.addAttribute("quietDays", Gap.MAX_QUIET_DAYS);
        return "fxrates/coverage";
    }

    @GetMapping("/fx-rates/import")
    @PreAuthorize("hasRole('PROGRAM_ADMIN')")
    String importForm() {
        return "fxrates/import";
    }

    @PostMapping("/fx-rates/import")
    String importFile(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        if (file == null
                || (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank()))) {
            response.setStatus(400);
            model.addAttribute("fileError", localized.text("fx.import.chooseFile"));
            return "fxrates/import";
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("counts", rates.importEcb(new InputStreamReader(in, StandardCharsets.UTF_8)));
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (InvalidRateFile refused) {
            response.setStatus(400);
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("errors", RateFileErrors.of(refused.errors(), localized));
            model.addAttribute("errorCount", refused.errorCount());
            model.addAttribute("listedErrors", EcbRateFile.MAX_LISTED_ERRORS);
        }
        return "fxrates/import";
    }

    private static Map<String, String> names(List<CurrencyCoverage> coverage, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (CurrencyCoverage currency : coverage) {
            try {
                names.put(
                        currency.currency(),
                        Currency.getInstance(currency.currency()).getDisplayName(locale));
            } catch (IllegalArgumentException unknown) {
                names.put(currency.currency(), currency.currency());
            }
        }
        return names;
    }
}
