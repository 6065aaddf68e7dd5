package org.directbill.enrollment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.directbill.enrollment.EnrollmentView;
import org.directbill.enrollment.EnrollmentWorkflow;
import org.directbill.enrollment.api.AttachmentDownload;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.enrollment.domain.Step;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.policy.web.MarketOptions;
import org.directbill.revenue.domain.AttachmentRules;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's side of enrolling: its enrollments and the form that starts one in a market, an
 * enrollment's page (shared with operations, {@link EnrollmentPage}), submitting it, answering an
 * information request with files, withdrawing (after a confirmation page), and the answers' files.
 * Every step is the service the API calls; its refusals show next to the form that asked.
 */
@PageController
class EnrollmentPages {

    private final EnrollmentWorkflow workflow;
    private final PartnerDirectory directory;
    private final EnrollmentPage page;
    private final EnrollmentWords words;
    private final Refusals refusals;
    private final Localized localized;

    EnrollmentPages(
            EnrollmentWorkflow workflow,
            PartnerDirectory directory,
            EnrollmentPage page,
            EnrollmentWords words,
            Refusals refusals,
            Localized localized) {
        this.workflow = workflow;
        this.directory = directory;
        this.page = page;
        this.words = words;
        this.refusals = refusals;
        this.localized = localized;
    }

    static EnrollmentId enrollmentId(String id) {
        return EnrollmentId.parse(id).orElseThrow(() -> new NotFound("ENROLLMENT_NOT_FOUND", id));
    }

    static String redirect(EnrollmentId id) {
        return "redirect:/enrollments/" + id;
    }

    // A partner's enrollments -----------------------------------------------------------------------

    /** One enrollment of the partner's list. */
    record Line(String id, String market, EnrollmentWords.Status status, String since, String submittedOn) {}

    @GetMapping("/partners/{id}/enrollments")
    String ofPartner(@PathVariable String id, Model model) {
        return listPage(partnerId(id), "", Map.of(), model);
    }

    @PostMapping("/partners/{id}/enrollments")
    String start(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String market,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PartnerId partner = partnerId(id);
        try {
            Enrollment started = workflow.start(partner, market);
            redirect.addFlashAttribute(
                    "notice", localized.text("enrollment.started", words.marketName(started.market())));
            return redirect(started.id());
        } catch (InvalidInput | ApiProblem refused) {
            PostedForm posted = refusals.of("start", Map.of("market", market), refused, response);
            return listPage(partner, market, posted.errors(), model);
        }
    }

    private String listPage(PartnerId partner, String market, Map<String, String> errors, Model model) {
        PartnerDirectory.PartnerView view = directory.get(partner);
        Locale locale = LocaleContextHolder.getLocale();
        List<Line> lines = workflow.ofPartner(partner).stream()
                .map(e -> new Line(
                        e.id().toString(),
                        words.market(e.market()),
                        words.status(e.status()),
                        e.statusSince().toString(),
                        e.submittedOn() == null ? "—" : e.submittedOn().toString()))
                .toList();
        MarketOptions markets = MarketOptions.of(
                view.locations().stream().map(Location::country).distinct().toList(), locale);
        model.addAttribute("partner", view.partner());
        model.addAttribute("enrollments", lines);
        model.addAttribute("canStart", PartnerPermission.START_ENROLLMENT.allows(Callers.current(), partner));
        model.addAttribute("markets", markets);
        model.addAttribute(
                "market",
                !market.isBlank()
                        ? market.strip().toUpperCase(Locale.ROOT)
                        : markets.partnerCountries().isEmpty()
                                ? ""
                                : markets.partnerCountries().get(0).code());
        model.addAttribute("errors", errors);
        return "enrollment/list";
    }

    // One enrollment --------------------------------------------------------------------------------

    @GetMapping("/enrollments/{id}")
    String enrollment(@PathVariable String id, Model model) {
        return page.render(enrollmentId(id), PostedForm.none(), model);
    }

    @PostMapping("/enrollments/{id}/submit")
    String submit(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EnrollmentId enrollment = enrollmentId(id);
        try {
            Enrollment submitted = workflow.submit(enrollment, version);
            redirect.addFlashAttribute(
                    "notice", localized.text("enrollment.submitted", words.marketName(submitted.market())));
            return redirect(enrollment);
        } catch (InvalidInput | ApiProblem refused) {
            return page.render(enrollment, refusals.of("submit", Map.of(), refused, response), model);
        }
    }

    @PostMapping("/enrollments/{id}/answer")
    String answer(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EnrollmentId enrollment = enrollmentId(id);
        try {
            workflow.answer(enrollment, message, uploads(files), version);
            redirect.addFlashAttribute("notice", localized.text("enrollment.answered"));
            return redirect(enrollment);
        } catch (InvalidInput | ApiProblem refused) {
            return page.render(enrollment, refusals.of("answer", Map.of("message", message), refused, response), model);
        }
    }

    /** Asks before withdrawing: a withdrawn enrollment cannot be taken up again. */
    @GetMapping("/enrollments/{id}/withdraw")
    String confirmWithdrawal(@PathVariable String id, Model model) {
        return withdrawPage(enrollmentId(id), "", Map.of(), model);
    }

    @PostMapping("/enrollments/{id}/withdraw")
    String withdraw(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EnrollmentId enrollment = enrollmentId(id);
        try {
            Enrollment withdrawn = workflow.withdraw(enrollment, note, version);
            redirect.addFlashAttribute(
                    "notice", localized.text("enrollment.withdrawn", words.marketName(withdrawn.market())));
            return redirect(enrollment);
        } catch (InvalidInput | ApiProblem refused) {
            PostedForm posted = refusals.of("withdraw", Map.of("note", note), refused, response);
            return withdrawPage(enrollment, note, posted.errors(), model);
        }
    }

    private String withdrawPage(EnrollmentId id, String note, Map<String, String> errors, Model model) {
        EnrollmentView view = workflow.view(id);
        Enrollment enrollment = view.enrollment();
        model.addAttribute("enrollment", enrollment);
        model.addAttribute("partner", directory.get(enrollment.partnerId()).partner());
        model.addAttribute("market", words.market(enrollment.market()));
        model.addAttribute("status", words.status(enrollment.status()));
        model.addAttribute("canWithdraw", view.allowedSteps().contains(Step.WITHDRAW));
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        return "enrollment/withdraw";
    }

    @GetMapping("/enrollments/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
        return AttachmentDownload.of(workflow.attachment(enrollmentId(id), AttachmentDownload.id(attachmentId)));
    }

    /**
     * The files of an answer form. A browser sends an empty part, without a name, when no file was
     * chosen: that is no file rather than an empty one.
     */
    static List<EnrollmentWorkflow.UploadedFile> uploads(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        AttachmentRules rules = AttachmentRules.defaults();
        List<EnrollmentWorkflow.UploadedFile> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            if (file.isEmpty() && (name == null || name.isBlank())) {
                continue;
            }
            // The announced size first: a file too large is refused before it is read into memory.
            rules.checkSize(AttachmentRules.cleanFileName(name), file.getSize());
            try {
                uploads.add(new EnrollmentWorkflow.UploadedFile(name, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    private static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }
}
