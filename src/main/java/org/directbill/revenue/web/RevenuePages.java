package org.directbill.revenue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.PartnerId;
import org.directbill.revenue.Revenue;
import org.directbill.revenue.RevenueView;
import org.directbill.revenue.api.AsOfParameter;
import org.directbill.revenue.api.ByLocationFile;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.TtmRequirement;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A partner's trailing-twelve-month revenue for people: the total against the threshold, the months
 * as a bar chart and a table, each location (also as a file), what was left out and why, the
 * missing rates and the verification of sales, as of a date they choose.
 */
@PageController
class RevenuePages {

    private final Revenue revenue;
    private final PartnerDirectory directory;
    private final Localized localized;

    RevenuePages(Revenue revenue, PartnerDirectory directory, Localized localized) {
        this.revenue = revenue;
        this.directory = directory;
        this.localized = localized;
    }

    private static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }

    @GetMapping("/partners/{id}/revenue")
    String revenue(
            @PathVariable String id,
            @RequestParam(name = "asOf", required = false) @Nullable String asOf,
            Model model,
            HttpServletResponse response) {
        PartnerId partner = partnerId(id);
        LocalDate date = null;
        Map<String, String> errors = Map.of();
        try {
            date = AsOfParameter.parse(asOf, revenue.today());
        } catch (InvalidInput invalid) {
            errors = FormErrors.of(invalid, localized);
        }
        // Computed even for a date that is not one, so that who may not see it hears so first.
        RevenueView view = revenue.of(partner, date == null ? revenue.today() : date);
        model.addAttribute("partner", directory.get(partner).partner());
        model.addAttribute("errors", errors);
        if (date == null) {
            response.setStatus(400);
            model.addAttribute("asOfText", asOf == null ? "" : asOf);
            return "revenue/partner";
        }
        Locale locale = LocaleContextHolder.getLocale();
        Set<ProductCategory> notCounted = EnumSet.allOf(ProductCategory.class);
        notCounted.removeAll(view.rules().parameters().countedCategories());
        model.addAttribute("asOfText", date.toString());
        model.addAttribute("view", view);
        model.addAttribute("result", view.result());
        model.addAttribute("amounts", new Amounts(locale));
        model.addAttribute("chart", RevenueChart.of(view.result(), locale, localized));
        model.addAttribute("reason", reason(view, new Amounts(locale)));
        model.addAttribute(
                "countedCategories", categories(view.rules().parameters().countedCategories()));
        model.addAttribute("notCountedCategories", categories(notCounted));
        return "revenue/partner";
    }

    /** The revenue per location as a CSV or TSV file, for the page's download links. */
    @GetMapping("/partners/{id}/revenue/by-location")
    void byLocation(
            @PathVariable String id,
            @RequestParam(name = "asOf", required = false) @Nullable String asOf,
            @RequestParam(name = "format", required = false) @Nullable String format,
            HttpServletResponse response)
            throws IOException {
        PartnerId partner = partnerId(id);
        ByLocationFile.Format chosen;
        LocalDate date;
        try {
            chosen = ByLocationFile.Format.named(format);
            date = AsOfParameter.parse(asOf, revenue.today());
        } catch (InvalidInput invalid) {
            // The page's links are always valid: this is an address edited by hand.
            throw new BadAddress();
        }
        ByLocationFile.write(revenue.of(partner, date), chosen, response);
    }

    /** 400 for a page address whose parameters are not valid: an error page, like any refusal. */
    static final class BadAddress extends ApiProblem {
        BadAddress() {
            super(400, "BAD_REQUEST");
        }
    }

    private @Nullable String reason(RevenueView view, Amounts amounts) {
        if (view.requirement() == null) {
            return null;
        }
        TtmRequirement.Evaluation requirement = view.requirement();
        return localized.text(
                "revenue.reason." + requirement.reason(),
                List.of(
                        amounts.of(requirement.total()),
                        amounts.of(requirement.thresholdUsd()),
                        amounts.of(requirement.openAmount()),
                        amounts.count(requirement.linesAwaitingRate())));
    }

    private String categories(Set<ProductCategory> categories) {
        return String.join(
                ", ",
                Arrays.stream(ProductCategory.values())
                        .filter(categories::contains)
                        .map(category -> localized.text("category." + category))
                        .toList());
    }
}
