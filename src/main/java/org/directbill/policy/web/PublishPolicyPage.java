package org.directbill.policy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Role;
import org.directbill.policy.Policies;
import org.directbill.policy.domain.Enforcement;
import org.directbill.policy.domain.Level;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyDraft;
import org.directbill.policy.domain.RequirementParameters;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.problem.RuleViolation;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form a program admin publishes a new policy version with, prefilled from the policy in force
 * (or the one named by {@code from}). Every mistake comes back next to its input, the values typed
 * kept; an existing id (409) and a date not in the future or already taken (422) too.
 */
@PageController
class PublishPolicyPage {

    private final Policies policies;
    private final Localized localized;

    PublishPolicyPage(Policies policies, Localized localized) {
        this.policies = policies;
        this.localized = localized;
    }

    @GetMapping("/policies/new")
    String form(@RequestParam(name = "from", required = false) @Nullable String from, Model model) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        Policy base = from == null || from.isBlank()
                ? policies.inForceOn(policies.today()).orElse(null)
                : policies.get(from.strip());
        return page(PolicyForm.from(base), base, Map.of(), model);
    }

    @PostMapping("/policies")
    String publish(
            @RequestParam MultiValueMap<String, String> submitted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        PolicyForm form = PolicyForm.read(submitted);
        PolicyDraft draft = form.draft();
        try {
            List<Violation> blank = form.blankEnforcement();
            if (!blank.isEmpty()) {
                // Report the empty numbers with every other mistake of the form, not first and alone.
                List<Violation> all = new ArrayList<>(blank);
                try {
                    draft.validate();
                } catch (InvalidInput invalid) {
                    all.addAll(invalid.violations());
                }
                throw new InvalidInput(all);
            }
            Policy policy = policies.publish(draft);
            redirect.addFlashAttribute(
                    "notice", localized.text("policy.published", policy.id(), policy.effectiveFrom()));
            return "redirect:/policies/" + policy.id();
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return page(form, null, form.errorsByInput(FormErrors.of(invalid, localized)), model);
        } catch (Conflict exists) {
            response.setStatus(exists.status());
            return page(form, null, Map.of("id", problem(exists.code(), exists.arguments())), model);
        } catch (RuleViolation refused) {
            response.setStatus(refused.status());
            String field = refused.code().startsWith("EFFECTIVE_FROM") ? "effectiveFrom" : "form";
            return page(form, null, Map.of(field, problem(refused.code(), refused.arguments())), model);
        }
    }

    private String problem(String code, List<Object> arguments) {
        return localized.text("problem." + code, arguments);
    }

    private String page(PolicyForm form, @Nullable Policy base, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("base", base);
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("today", policies.today());
        model.addAttribute("levels", Level.values());
        model.addAttribute("scopes", RequirementParameters.Scope.values());
        model.addAttribute("measureAts", Enforcement.MeasureAt.values());
        model.addAttribute("categories", ProductCategory.values());
        model.addAttribute("enforcementNumbers", PolicyForm.ENFORCEMENT_NUMBERS);
        return "policy/new";
    }
}
