package org.directbill.partner.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Address;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Contact;
import org.directbill.partner.domain.Countries;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.MembershipStatus;
import org.directbill.partner.domain.Partner;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.partner.domain.SupportPlanGuard;
import org.directbill.partner.domain.UserAccount;
import org.directbill.shared.Page;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violations;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner list and search, the new-partner form, and a partner's page with its locations, users
 * and support plans (with the form that records one, or why a new plan must wait for a credit check).
 */
@PageController
class PartnerPages {

    private final PartnerDirectory directory;
    private final Localized localized;

    PartnerPages(PartnerDirectory directory, Localized localized) {
        this.directory = directory;
        this.localized = localized;
    }

    static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }

    @GetMapping("/partners")
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            Model model,
            HttpServletResponse response) {
        Page<Partner> partners = directory.search(q, Page.Request.of(Math.max(page, 0), 20));
        model.addAttribute("q", q);
        model.addAttribute("partners", partners);
        model.addAttribute("countryNames", CountryOptions.names(LocaleContextHolder.getLocale()));
        // The same address answers a whole page or, to htmx's live search, the results only; a cache must
        // tell them apart. When htmx restores a page from history (e.g. on Back) it needs the whole page.
        response.addHeader("Vary", "HX-Request, HX-History-Restore-Request");
        boolean liveSearch = htmx != null && historyRestore == null;
        return liveSearch ? "partners/list :: results" : "partners/list";
    }

    @GetMapping("/partners/new")
    String newPartner(Model model) {
        requireProgramAdmin();
        return partnerForm(
                model,
                new Partner.Registration("", "", "", new Address("", "", "", ""), new Contact("", "")),
                Map.of());
    }

    @PostMapping("/partners")
    String create(Partner.Registration form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Partner partner = directory.register(form);
            redirect.addFlashAttribute("notice", localized.text("partner.created"));
            return "redirect:/partners/" + partner.id();
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return partnerForm(model, form, FormErrors.of(invalid, localized));
        } catch (ApiProblem problem) {
            response.setStatus(problem.status());
            return partnerForm(model, form, Map.of("form", problemText(problem)));
        }
    }

    private String partnerForm(Model model, Partner.Registration form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("countries", CountryOptions.in(LocaleContextHolder.getLocale()));
        model.addAttribute(
                "registrationCountries",
                String.join(
                        ", ",
                        Countries.requiringRegistrationId().stream().sorted().toList()));
        return "partners/new";
    }

    @GetMapping("/partners/{id}")
    String detail(@PathVariable String id, Model model) {
        return detailPage(partnerId(id), model, Map.of(), null, null, null);
    }

    /** The support-plan form as typed, shown again with its mistakes. */
    record SupportPlanForm(String type, String contractId, String purchasedOn, String renewsOn) {

        static SupportPlanForm empty() {
            return new SupportPlanForm("", "", "", "");
        }

        /** The registration, or the fields that are not a plan type or a date, each in place. */
        SupportPlan.Registration registration() {
            Violations violations = new Violations();
            SupportPlan.Type plan = null;
            if (!type.isBlank()) {
                try {
                    plan = SupportPlan.Type.valueOf(type.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException notAPlan) {
                    violations.add("type", "INVALID_VALUE", type);
                }
            }
            LocalDate purchased = date("purchasedOn", purchasedOn, violations);
            LocalDate renews = date("renewsOn", renewsOn, violations);
            violations.throwIfAny();
            return new SupportPlan.Registration(plan, contractId, purchased, renews);
        }

        private static @Nullable LocalDate date(String field, String typed, Violations violations) {
            if (typed.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(typed.strip());
            } catch (DateTimeParseException notADate) {
                violations.add(field, "INVALID_DATE", typed.strip());
                return null;
            }
        }
    }

    @PostMapping("/partners/{id}/support-plans")
    String recordSupportPlan(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String contractId,
            @RequestParam(defaultValue = "") String purchasedOn,
            @RequestParam(defaultValue = "") String renewsOn,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PartnerId partner = partnerId(id);
        SupportPlanForm form = new SupportPlanForm(type, contractId, purchasedOn, renewsOn);
        try {
            SupportPlan plan = directory.recordSupportPlan(partner, form.registration());
            redirect.addFlashAttribute(
                    "notice",
                    localized.text(
                            plan.flagged() ? "supportPlan.recordedFlagged" : "supportPlan.recorded",
                            plan.contractId()));
            return "redirect:/partners/" + id + "#support-plans";
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return detailPage(partner, model, FormErrors.of(invalid, localized), null, null, form);
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            response.setStatus(problem.status());
            return detailPage(partner, model, Map.of("supportPlan", problemText(problem)), null, null, form);
        }
    }

    @PostMapping("/partners/{id}/locations")
    String addLocation(
            @PathVariable String id,
            Location.Registration form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PartnerId partner = partnerId(id);
        try {
            Location location = directory.addLocation(partner, form);
            redirect.addFlashAttribute("notice", localized.text("detail.location.added", location.locationId()));
            return "redirect:/partners/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return detailPage(partner, model, FormErrors.of(invalid, localized), form, null, null);
        } catch (ApiProblem problem) {
            response.setStatus(problem.status());
            return detailPage(partner, model, Map.of("location", problemText(problem)), form, null, null);
        }
    }

    @PostMapping("/partners/{id}/locations/{locationId}/status")
    String changeLocation(
            @PathVariable String id,
            @PathVariable String locationId,
            @RequestParam MembershipStatus membershipStatus,
            RedirectAttributes redirect) {
        Location location = directory.changeMembershipStatus(partnerId(id), locationId, membershipStatus);
        redirect.addFlashAttribute(
                "notice",
                localized.text(
                        "detail.location.changed",
                        location.locationId(),
                        localized.text("membership." + location.membershipStatus())));
        return "redirect:/partners/" + id;
    }

    @PostMapping("/partners/{id}/users")
    String addUser(
            @PathVariable String id,
            UserAccount.Registration form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PartnerId partner = partnerId(id);
        try {
            UserAccount user = directory.addPartnerUser(partner, form);
            redirect.addFlashAttribute("notice", localized.text("detail.user.added", user.username()));
            return "redirect:/partners/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return detailPage(partner, model, FormErrors.of(invalid, localized), null, withoutPassword(form), null);
        } catch (ApiProblem problem) {
            response.setStatus(problem.status());
            return detailPage(partner, model, Map.of("user", problemText(problem)), null, withoutPassword(form), null);
        }
    }

    private String detailPage(
            PartnerId id,
            Model model,
            Map<String, String> errors,
            Location.@Nullable Registration locationForm,
            UserAccount.@Nullable Registration userForm,
            @Nullable SupportPlanForm supportPlanForm) {
        Caller caller = Callers.current();
        PartnerDirectory.PartnerView view = directory.get(id);
        boolean canSeeUsers = PartnerPermission.READ_USERS.allows(caller, id);
        model.addAttribute("partner", view.partner());
        model.addAttribute("locations", view.locations());
        model.addAttribute("users", canSeeUsers ? directory.partnerUsers(id) : List.of());
        model.addAttribute("canSeeUsers", canSeeUsers);
        model.addAttribute("supportPlans", directory.supportPlans(id));
        model.addAttribute("canRecordSupportPlan", PartnerPermission.RECORD_SUPPORT_PLAN.allows(caller, id));
        SupportPlanGuard.Waiting waiting = directory.supportPlanWaiting(id).orElse(null);
        model.addAttribute("supportPlanWaiting", waiting);
        model.addAttribute(
                "waitingMarket",
                waiting == null
                        ? null
                        : CountryOptions.names(LocaleContextHolder.getLocale())
                                        .getOrDefault(waiting.market(), waiting.market())
                                + " (" + waiting.market() + ")");
        model.addAttribute("supportPlanTypes", SupportPlan.Type.values());
        model.addAttribute("supportPlanForm", supportPlanForm != null ? supportPlanForm : SupportPlanForm.empty());
        model.addAttribute("canManageLocations", PartnerPermission.MANAGE_LOCATIONS.allows(caller, id));
        model.addAttribute("canCreateUsers", PartnerPermission.CREATE_USERS.allows(caller, id));
        model.addAttribute("canSeeRevenue", PartnerPermission.READ_REVENUE.allows(caller, id));
        model.addAttribute("statuses", MembershipStatus.values());
        model.addAttribute(
                "partnerRoles",
                Arrays.stream(Role.values()).filter(Role::isPartnerRole).toList());
        model.addAttribute("countries", CountryOptions.in(LocaleContextHolder.getLocale()));
        model.addAttribute("countryNames", CountryOptions.names(LocaleContextHolder.getLocale()));
        model.addAttribute("errors", errors);
        model.addAttribute(
                "locationForm",
                locationForm != null
                        ? locationForm
                        : new Location.Registration("", view.partner().country(), null));
        model.addAttribute(
                "userForm",
                userForm != null
                        ? userForm
                        : new UserAccount.Registration(
                                "",
                                "",
                                "",
                                List.of(),
                                LocaleContextHolder.getLocale().getLanguage()));
        return "partners/detail";
    }

    private static UserAccount.Registration withoutPassword(UserAccount.Registration form) {
        return new UserAccount.Registration(form.email(), form.displayName(), "", form.roles(), form.locale());
    }

    private String problemText(ApiProblem problem) {
        return localized.text("problem." + problem.code(), problem.arguments());
    }

    private static void requireProgramAdmin() {
        if (!Callers.current().has(Role.PROGRAM_ADMIN) || Callers.current().isPartnerUser()) {
            throw new org.springframework.security.access.AccessDeniedException("program admin only");
        }
    }
}
