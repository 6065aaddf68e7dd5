package org.directbill.policy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.PartnerId;
import org.directbill.policy.Evaluations;
import org.directbill.policy.Policies;
import org.directbill.policy.domain.Evaluation;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PublishedPolicy;
import org.directbill.shared.Page;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.problem.RuleViolation;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's self-assessment checklist (the live answer as of today, for a market and a policy),
 * saving it as a stored evaluation, the partner's past evaluations, and one stored evaluation. Who
 * may see the partner may use them; another partner's user hears 404.
 */
@PageController
class EligibilityPages {

    private static final int HISTORY_PAGE_SIZE = 10;
    private static final int SHORT_DIGEST = 12;

    private final Evaluations evaluations;
    private final Policies policies;
    private final PartnerDirectory directory;
    private final Checklist checklist;
    private final Localized localized;

    EligibilityPages(
            Evaluations evaluations,
            Policies policies,
            PartnerDirectory directory,
            Checklist checklist,
            Localized localized) {
        this.evaluations = evaluations;
        this.policies = policies;
        this.directory = directory;
        this.checklist = checklist;
        this.localized = localized;
    }

    /** What the reader asked for: both optional. */
    private record Choice(@Nullable String market, @Nullable String policyId) {
        static Choice of(@Nullable String market, @Nullable String policyId) {
            return new Choice(blankToNull(market), blankToNull(policyId));
        }

        Evaluations.Request request() {
            return new Evaluations.Request(null, policyId, market);
        }
    }

    @GetMapping("/partners/{id}/eligibility")
    String eligibility(
            @PathVariable String id,
            @RequestParam(name = "market", required = false) @Nullable String market,
            @RequestParam(name = "policyId", required = false) @Nullable String policyId,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        PartnerId partner = partnerId(id);
        // The partner's read rule first: another partner's user hears 404 before anything else.
        PartnerDirectory.PartnerView view = directory.get(partner);
        Choice choice = Choice.of(market, policyId);
        Map<String, String> errors = new LinkedHashMap<>();
        Evaluations.Checked checked = null;
        Policy policy = choice.policyId() == null
                ? policies.inForceOn(policies.today()).orElse(null)
                : policies.find(choice.policyId()).orElse(null);
        // A MARKET-scoped policy needs a market: ask for one rather than answer with an error.
        boolean askMarket = choice.market() == null && policy != null && policy.marketScoped();
        if (!askMarket) {
            try {
                checked = evaluations.check(partner, choice.request());
            } catch (InvalidInput invalid) {
                response.setStatus(400);
                errors.putAll(FormErrors.of(invalid, localized));
            } catch (RuleViolation refused) {
                response.setStatus(refused.status());
                errors.put("form", localized.text("problem." + refused.code(), refused.arguments()));
            }
        }
        model.addAttribute("askMarket", askMarket);
        model.addAttribute("askedPolicy", askMarket ? policy : null);
        return checklistPage(view, choice, checked, errors, page, model);
    }

    @PostMapping("/partners/{id}/evaluations")
    String save(
            @PathVariable String id,
            @RequestParam(name = "market", required = false) @Nullable String market,
            @RequestParam(name = "policyId", required = false) @Nullable String policyId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PartnerId partner = partnerId(id);
        PartnerDirectory.PartnerView view = directory.get(partner);
        Choice choice = Choice.of(market, policyId);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Evaluation evaluation = evaluations.evaluate(partner, choice.request());
            redirect.addFlashAttribute("notice", localized.text("evaluation.saved"));
            return "redirect:/partners/" + partner + "/evaluations/" + evaluation.id();
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            errors.putAll(FormErrors.of(invalid, localized));
        } catch (RuleViolation refused) {
            response.setStatus(refused.status());
            errors.put("form", localized.text("problem." + refused.code(), refused.arguments()));
        }
        model.addAttribute("askMarket", false);
        model.addAttribute("askedPolicy", null);
        return checklistPage(view, choice, null, errors, 0, model);
    }

    @GetMapping("/partners/{id}/evaluations/{evaluationId}")
    String stored(@PathVariable String id, @PathVariable String evaluationId, Model model) {
        PartnerId partner = partnerId(id);
        PartnerDirectory.PartnerView view = directory.get(partner);
        UUID evaluationUuid;
        try {
            evaluationUuid = UUID.fromString(evaluationId);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("EVALUATION_NOT_FOUND", evaluationId);
        }
        Evaluation evaluation = evaluations.get(partner, evaluationUuid);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("partner", view.partner());
        model.addAttribute("evaluation", evaluation);
        model.addAttribute(
                "policy", policies.findPublished(evaluation.policyId()).orElse(null));
        model.addAttribute(
                "marketName", evaluation.market() == null ? null : MarketOptions.name(evaluation.market(), locale));
        model.addAttribute("shortDigest", shortDigest(evaluation.inputDigest()));
        model.addAttribute("headline", checklist.headline(evaluation.result()));
        model.addAttribute("rows", checklist.rows(evaluation.result()));
        return "policy/evaluation";
    }

    private String checklistPage(
            PartnerDirectory.PartnerView view,
            Choice choice,
            Evaluations.@Nullable Checked checked,
            Map<String, String> errors,
            int page,
            Model model) {
        PartnerId partner = view.partner().id();
        Locale locale = LocaleContextHolder.getLocale();
        List<String> locationCountries =
                view.locations().stream().map(Location::country).distinct().toList();
        MarketOptions markets = MarketOptions.of(locationCountries, locale);
        model.addAttribute("partner", view.partner());
        model.addAttribute("markets", markets);
        // Before any market is chosen, the picker offers the country of the partner's first location.
        model.addAttribute(
                "market",
                choice.market() != null
                        ? choice.market()
                        : markets.partnerCountries().isEmpty()
                                ? ""
                                : markets.partnerCountries().get(0).code());
        model.addAttribute("policyId", choice.policyId() == null ? "" : choice.policyId());
        List<PublishedPolicy> published = policies.published();
        model.addAttribute("policyOptions", published);
        model.addAttribute("inForce", policies.inForceOn(policies.today()).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("checked", checked);
        if (checked != null) {
            Checklist.Live live = checklist.live(checked);
            model.addAttribute("headline", live.headline());
            model.addAttribute("rows", live.rows());
            model.addAttribute(
                    "marketName", checked.market() == null ? null : MarketOptions.name(checked.market(), locale));
        }
        Page<Evaluation> history = evaluations.history(partner, Page.Request.of(Math.max(page, 0), HISTORY_PAGE_SIZE));
        model.addAttribute("history", history);
        Map<String, String> marketNames = new LinkedHashMap<>();
        history.items().stream()
                .map(Evaluation::market)
                .filter(m -> m != null)
                .forEach(m -> marketNames.put(m, MarketOptions.name(m, locale)));
        model.addAttribute("marketNames", marketNames);
        return "policy/eligibility";
    }

    static String shortDigest(String digest) {
        return digest.length() <= SHORT_DIGEST ? digest : digest.substring(0, SHORT_DIGEST) + "…";
    }

    private static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
