package org.directbill.enrollment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.directbill.enrollment.Agreements;
import org.directbill.enrollment.EnrollmentView;
import org.directbill.enrollment.EnrollmentWorkflow;
import org.directbill.enrollment.domain.Agreement;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.enrollment.domain.Step;
import org.directbill.partner.PartnerDirectory;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The direct-bill agreement in force, in full and in the reader's language, and the Global admin's
 * acceptance: the box ticked, the version read posted back (a newer one in force meanwhile is a
 * 409 said on the page), and the requirements still not met (422) listed in place.
 */
@PageController
class AgreementPage {

    private final EnrollmentWorkflow workflow;
    private final Agreements agreements;
    private final PartnerDirectory directory;
    private final EnrollmentWords words;
    private final Refusals refusals;
    private final Localized localized;

    AgreementPage(
            EnrollmentWorkflow workflow,
            Agreements agreements,
            PartnerDirectory directory,
            EnrollmentWords words,
            Refusals refusals,
            Localized localized) {
        this.workflow = workflow;
        this.agreements = agreements;
        this.directory = directory;
        this.words = words;
        this.refusals = refusals;
        this.localized = localized;
    }

    @GetMapping("/enrollments/{id}/agreement")
    String agreement(@PathVariable String id, Model model) {
        return agreementPage(EnrollmentPages.enrollmentId(id), PostedForm.none(), model);
    }

    @PostMapping("/enrollments/{id}/agreement")
    String accept(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String agreementVersion,
            @RequestParam(required = false) @Nullable Boolean accepted,
            @RequestParam(required = false) @Nullable Long version,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EnrollmentId enrollment = EnrollmentPages.enrollmentId(id);
        try {
            Enrollment active = workflow.acceptAgreement(
                    enrollment,
                    agreementVersion,
                    accepted,
                    request.getRemoteAddr(),
                    request.getHeader(HttpHeaders.USER_AGENT),
                    version);
            redirect.addFlashAttribute(
                    "notice", localized.text("enrollment.activated", words.marketName(active.market())));
            return EnrollmentPages.redirect(enrollment);
        } catch (InvalidInput | ApiProblem refused) {
            return agreementPage(enrollment, refusals.of("accept", Map.of(), refused, response), model);
        }
    }

    private String agreementPage(EnrollmentId id, PostedForm posted, Model model) {
        EnrollmentView view = workflow.view(id);
        Enrollment enrollment = view.enrollment();
        Agreement agreement = agreements.current();
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("enrollment", enrollment);
        model.addAttribute("partner", directory.get(enrollment.partnerId()).partner());
        model.addAttribute("market", words.market(enrollment.market()));
        model.addAttribute("status", words.status(enrollment.status()));
        model.addAttribute("agreement", agreement);
        model.addAttribute("agreementTitle", agreement.title(locale));
        model.addAttribute("paragraphs", paragraphs(agreement.text(locale)));
        model.addAttribute("canAccept", view.allowedSteps().contains(Step.ACTIVATE));
        model.addAttribute(
                "acceptedAt",
                enrollment.acceptance() == null
                        ? null
                        : words.time(enrollment.acceptance().at()));
        model.addAttribute("posted", posted);
        return "enrollment/agreement";
    }

    /** The text's paragraphs, as it separates them (a blank line). */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
    }
}
