package org.directbill.partner.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.FactStatus;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.partner.domain.PartnerProfile;
import org.directbill.partner.domain.PartnerProfile.BillingInfrastructure;
import org.directbill.partner.domain.PartnerProfile.ManagedService;
import org.directbill.partner.domain.PartnerProfile.ServiceKind;
import org.directbill.partner.domain.PartnerProfile.Signatory;
import org.directbill.partner.domain.PartnerProfile.SupportCapability;
import org.directbill.partner.domain.ProfileField;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The profile-facts form. Each reader sees every fact; the partner's admins edit what the partner
 * declares, program staff the facts they establish. Only the sections a user may edit are sent.
 */
@PageController
class ProfilePage {

    private final PartnerDirectory directory;
    private final Localized localized;

    ProfilePage(PartnerDirectory directory, Localized localized) {
        this.directory = directory;
        this.localized = localized;
    }

    @GetMapping("/partners/{id}/profile")
    String show(@PathVariable String id, Model model) {
        PartnerId partner = PartnerPages.partnerId(id);
        return page(partner, directory.profile(partner), model, Map.of());
    }

    @PostMapping("/partners/{id}/profile")
    String save(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PartnerId partner = PartnerPages.partnerId(id);
        PartnerProfile current = directory.profile(partner);
        PartnerProfile.Change change;
        try {
            change = parse(partner, form);
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return page(partner, current, model, errors(invalid));
        }
        try {
            directory.updateProfile(partner, change);
            redirect.addFlashAttribute("notice", localized.text("common.saved"));
            return "redirect:/partners/" + id + "/profile";
        } catch (InvalidInput invalid) {
            // Show what was typed, next to what is wrong with it, rather than the stored facts.
            response.setStatus(400);
            return page(partner, asSubmitted(current, change), model, errors(invalid));
        } catch (ApiProblem problem) {
            response.setStatus(problem.status());
            return page(
                    partner,
                    current,
                    model,
                    Map.of("form", localized.text("problem." + problem.code(), problem.arguments())));
        }
    }

    /** Field errors by form field; the designations are one text area, so their errors go there. */
    private Map<String, String> errors(InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.of(invalid, localized)
                .forEach((field, message) -> errors.merge(
                        field.startsWith("designations[") ? "designations" : field,
                        message,
                        (first, second) -> first + " " + second));
        return errors;
    }

    /** The stored profile with the sections the form sent replaced by what it sent. */
    private static PartnerProfile asSubmitted(PartnerProfile current, PartnerProfile.Change change) {
        Set<ProfileField> sent = change.fields();
        PartnerProfile typed = change.values();
        return new PartnerProfile(
                current.partnerId(),
                sent.contains(ProfileField.SIGNATORY) ? typed.signatory() : current.signatory(),
                sent.contains(ProfileField.SUPPORT_CAPABILITY)
                        ? typed.supportCapability()
                        : current.supportCapability(),
                sent.contains(ProfileField.BILLING_INFRASTRUCTURE)
                        ? typed.billingInfrastructure()
                        : current.billingInfrastructure(),
                sent.contains(ProfileField.MANAGED_SERVICES) ? typed.managedServices() : current.managedServices(),
                sent.contains(ProfileField.INDIRECT_RESELLER_SINCE)
                        ? typed.indirectResellerSince()
                        : current.indirectResellerSince(),
                sent.contains(ProfileField.BUSINESS_VETTING) ? typed.businessVetting() : current.businessVetting(),
                sent.contains(ProfileField.OPERATIONAL_ASSESSMENT)
                        ? typed.operationalAssessment()
                        : current.operationalAssessment(),
                sent.contains(ProfileField.SECURITY_SCORE_MANDATORY_COMPLETE)
                        ? typed.securityScoreMandatoryComplete()
                        : current.securityScoreMandatoryComplete(),
                sent.contains(ProfileField.DESIGNATIONS) ? typed.designations() : current.designations(),
                current.updatedAt());
    }

    private String page(PartnerId partner, PartnerProfile profile, Model model, Map<String, String> errors) {
        Caller caller = Callers.current();
        model.addAttribute("partner", directory.get(partner).partner());
        model.addAttribute("profile", profile);
        model.addAttribute("canEditDeclared", PartnerPermission.EDIT_DECLARED_PROFILE.allows(caller, partner));
        model.addAttribute("canEditFacts", PartnerPermission.EDIT_PROGRAM_FACTS.allows(caller, partner));
        model.addAttribute("serviceKinds", ServiceKind.values());
        model.addAttribute("factStatuses", FactStatus.values());
        List<ManagedService> rows = new ArrayList<>(profile.managedServices());
        for (int blank = 0; blank < 3; blank++) {
            rows.add(new ManagedService("", null));
        }
        model.addAttribute("serviceRows", rows);
        model.addAttribute("designationsText", String.join("\n", profile.designations()));
        model.addAttribute("errors", errors);
        return "partners/profile";
    }

    private static PartnerProfile.Change parse(PartnerId partner, MultiValueMap<String, String> form) {
        try {
            return change(partner, form);
        } catch (IllegalArgumentException tampered) {
            // Only a hand-made request sends a kind or status the select boxes do not offer.
            throw new InvalidInput(List.of(Violation.of("form", "INVALID_VALUE", "form")));
        }
    }

    /** Builds the change from the sections the form sent; a section left entirely blank is cleared. */
    private static PartnerProfile.Change change(PartnerId partner, MultiValueMap<String, String> form) {
        Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
        List<Violation> violations = new ArrayList<>();
        for (String section : form.getOrDefault("sections", List.of())) {
            Arrays.stream(ProfileField.values())
                    .filter(field -> field.jsonName().equals(section))
                    .forEach(fields::add);
        }
        Signatory signatory =
                allBlank(form, "signatory.name", "signatory.email", "signatory.title", "signatory.authorityToSign")
                        ? null
                        : new Signatory(
                                text(form, "signatory.name"),
                                text(form, "signatory.email"),
                                text(form, "signatory.title"),
                                bool(form, "signatory.authorityToSign"));
        SupportCapability support =
                allBlank(form, "supportCapability.firstLevelSupport", "supportCapability.contactEmail")
                        ? null
                        : new SupportCapability(
                                bool(form, "supportCapability.firstLevelSupport"),
                                text(form, "supportCapability.contactEmail"));
        BillingInfrastructure billing = allBlank(
                        form, "billingInfrastructure.inPlace", "billingInfrastructure.description")
                ? null
                : new BillingInfrastructure(
                        bool(form, "billingInfrastructure.inPlace"), text(form, "billingInfrastructure.description"));
        List<String> kinds = form.getOrDefault("serviceKind", List.of());
        List<String> names = form.getOrDefault("serviceName", List.of());
        List<ManagedService> services = new ArrayList<>();
        for (int i = 0; i < Math.max(kinds.size(), names.size()); i++) {
            String kind = i < kinds.size() ? kinds.get(i) : "";
            String name = i < names.size() ? names.get(i) : "";
            if (!kind.isBlank() || !name.isBlank()) {
                services.add(new ManagedService(name, kind.isBlank() ? null : ServiceKind.valueOf(kind)));
            }
        }
        LocalDate since = null;
        String sinceText = text(form, "indirectResellerSince");
        if (sinceText != null) {
            try {
                since = LocalDate.parse(sinceText);
            } catch (DateTimeParseException notADate) {
                violations.add(Violation.of("indirectResellerSince", "INVALID_VALUE", "indirectResellerSince"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        String designations = text(form, "designations");
        return new PartnerProfile.Change(
                fields,
                new PartnerProfile(
                        partner,
                        signatory,
                        support,
                        billing,
                        services,
                        since,
                        status(form, "businessVetting"),
                        status(form, "operationalAssessment"),
                        bool(form, "securityScoreMandatoryComplete"),
                        designations == null
                                ? List.of()
                                : designations
                                        .lines()
                                        .filter(line -> !line.isBlank())
                                        .toList(),
                        null));
    }

    private static boolean allBlank(MultiValueMap<String, String> form, String... names) {
        return Arrays.stream(names).allMatch(name -> text(form, name) == null);
    }

    private static @Nullable String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable Boolean bool(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        return value == null ? null : Boolean.valueOf(value);
    }

    private static @Nullable FactStatus status(MultiValueMap<String, String> form, String name) {
        String value = text(form, name);
        return value == null ? null : FactStatus.valueOf(value);
    }
}
