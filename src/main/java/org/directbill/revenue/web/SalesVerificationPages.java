package org.directbill.revenue.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.revenue.SalesVerification;
import org.directbill.revenue.api.AttachmentDownload;
import org.directbill.revenue.domain.CaseStatus;
import org.directbill.revenue.domain.CaseSummary;
import org.directbill.revenue.domain.SaleDecision;
import org.directbill.revenue.domain.VerificationCaseId;
import org.directbill.shared.Page;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The verification of sales for people: the queue of program staff (overdue first), a partner's
 * cases with the form that opens one, and a case with its sales, messages and attachments, the
 * reviewer's request and decision forms and the partner's answer form, errors in place.
 */
@PageController
class SalesVerificationPages {

    private static final int PAGE_SIZE = 20;

    private final SalesVerification verification;
    private final PartnerDirectory directory;
    private final Localized localized;

    SalesVerificationPages(SalesVerification verification, PartnerDirectory directory, Localized localized) {
        this.verification = verification;
        this.directory = directory;
        this.localized = localized;
    }

    static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }

    static VerificationCaseId caseId(String id) {
        return VerificationCaseId.parse(id).orElseThrow(() -> new NotFound("VERIFICATION_CASE_NOT_FOUND", id));
    }

    // The queue ------------------------------------------------------------------------------------

    @GetMapping("/sales-verifications")
    String queue(
            @RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<CaseSummary> cases = verification.queue(status, Page.Request.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("cases", cases);
        model.addAttribute("status", status);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("partnerNames", partnerNames(cases.items()));
        return "verification/queue";
    }

    private Map<String, String> partnerNames(List<CaseSummary> cases) {
        Map<String, String> names = new HashMap<>();
        for (CaseSummary summary : cases) {
            names.computeIfAbsent(
                    summary.partnerId().toString(),
                    id -> directory.get(summary.partnerId()).partner().legalName());
        }
        return names;
    }

    // A partner's cases ----------------------------------------------------------------------------

    /** The form that opens a case, as typed: ids separated by spaces, commas or new lines. */
    record OpenForm(String invoiceIds, String lineIds, String message, String dueDate) {

        static OpenForm empty() {
            return new OpenForm("", "", "", "");
        }

        SalesVerification.Opening opening() {
            return new SalesVerification.Opening(ids(invoiceIds), ids(lineIds), message, date(dueDate));
        }
    }

    /**
     * A date from a form: empty is none; anything but {@code YYYY-MM-DD} (which every browser's date
     * field sends) is refused in place.
     */
    static @Nullable LocalDate date(String typed) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            throw new InvalidInput(List.of(Violation.of("dueDate", "INVALID_DATE", typed.strip())));
        }
    }

    static List<@Nullable String> ids(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.strip().split("[\\s,;]+"))
                .map(id -> (String) id)
                .toList();
    }

    @GetMapping("/partners/{id}/sales-verifications")
    String ofPartner(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model) {
        return partnerPage(partnerId(id), page, OpenForm.empty(), Map.of(), model);
    }

    @PostMapping("/partners/{id}/sales-verifications")
    String open(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String invoiceIds,
            @RequestParam(defaultValue = "") String lineIds,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(defaultValue = "") String dueDate,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PartnerId partner = partnerId(id);
        OpenForm form = new OpenForm(invoiceIds, lineIds, message, dueDate);
        try {
            SalesVerification.CaseView opened = verification.open(partner, form.opening());
            redirect.addFlashAttribute(
                    "notice",
                    localized.text(
                            "verification.opened",
                            opened.id().shortForm(),
                            opened.summary().sales().total()));
            return "redirect:/sales-verifications/" + opened.id();
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return partnerPage(partner, 0, form, errors(invalid), model);
        } catch (ApiProblem problem) {
            if (problem.status() == 404 || problem.status() == 403) {
                throw problem;
            }
            response.setStatus(problem.status());
            return partnerPage(partner, 0, form, Map.of("form", problemText(problem)), model);
        }
    }

    private String partnerPage(PartnerId id, int page, OpenForm form, Map<String, String> errors, Model model) {
        Page<CaseSummary> cases = verification.ofPartner(id, null, Page.Request.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("partner", directory.get(id).partner());
        model.addAttribute("cases", cases);
        model.addAttribute("canReview", PartnerPermission.REVIEW_SALES.allows(Callers.current(), id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "verification/partner";
    }

    // A case ---------------------------------------------------------------------------------------

    /** The three forms of a case page, each with its own errors, so one form's errors never show on another. */
    record Forms(
            RequestForm request,
            AnswerForm answer,
            DecisionForm decision,
            Map<String, String> requestErrors,
            Map<String, String> answerErrors,
            Map<String, String> decisionErrors) {

        static Forms empty() {
            return new Forms(
                    new RequestForm("", ""),
                    new AnswerForm(""),
                    new DecisionForm(List.of(), "selected", null, ""),
                    Map.of(),
                    Map.of(),
                    Map.of());
        }

        Forms withRequest(RequestForm form, Map<String, String> errors) {
            return new Forms(form, answer, decision, errors, answerErrors, decisionErrors);
        }

        Forms withAnswer(AnswerForm form, Map<String, String> errors) {
            return new Forms(request, form, decision, requestErrors, errors, decisionErrors);
        }

        Forms withDecision(DecisionForm form, Map<String, String> errors) {
            return new Forms(request, answer, form, requestErrors, answerErrors, errors);
        }
    }

    record RequestForm(String message, String dueDate) {}

    record AnswerForm(String message) {}

    record DecisionForm(
            List<String> lineIds, String scope, @Nullable SaleDecision decision, String reason) {}

    @GetMapping("/sales-verifications/{caseId}")
    String detail(@PathVariable String caseId, Model model) {
        return casePage(verification.get(caseId(caseId)), Forms.empty(), model);
    }

    @PostMapping("/sales-verifications/{caseId}/requests")
    String requestInformation(
            @PathVariable String caseId,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(defaultValue = "") String dueDate,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        VerificationCaseId id = caseId(caseId);
        try {
            SalesVerification.CaseView after = verification.requestInformation(id, message, date(dueDate));
            redirect.addFlashAttribute(
                    "notice",
                    localized.text("verification.requested", after.summary().dueDate()));
            return "redirect:/sales-verifications/" + id;
        } catch (InvalidInput | ApiProblem refused) {
            Forms forms = Forms.empty().withRequest(new RequestForm(message, dueDate), refusal(refused, response));
            return casePage(verification.get(id), forms, model);
        }
    }

    @PostMapping("/sales-verifications/{caseId}/answers")
    String answer(
            @PathVariable String caseId,
            @RequestParam(defaultValue = "") String message,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        VerificationCaseId id = caseId(caseId);
        List<SalesVerification.Upload> uploads = files == null
                ? List.of()
                : files.stream()
                        .map(file -> new SalesVerification.Upload(file.getOriginalFilename(), file.getSize(), file))
                        .toList();
        try {
            verification.answer(id, message, uploads);
            redirect.addFlashAttribute("notice", localized.text("verification.answered"));
            return "redirect:/sales-verifications/" + id;
        } catch (InvalidInput | ApiProblem refused) {
            Forms forms = Forms.empty().withAnswer(new AnswerForm(message), refusal(refused, response));
            return casePage(verification.get(id), forms, model);
        }
    }

    @PostMapping("/sales-verifications/{caseId}/decisions")
    String decide(
            @PathVariable String caseId,
            @RequestParam(name = "lineIds", required = false) @Nullable List<String> lineIds,
            @RequestParam(defaultValue = "selected") String scope,
            @RequestParam(required = false) @Nullable SaleDecision decision,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        VerificationCaseId id = caseId(caseId);
        List<String> chosen = lineIds == null ? List.of() : lineIds;
        boolean all = "all".equals(scope);
        try {
            if (!all && chosen.isEmpty()) {
                throw new InvalidInput(List.of(Violation.of("lineIds", "SALES_TO_DECIDE")));
            }
            SalesVerification.CaseView after =
                    verification.decide(id, all ? null : List.<@Nullable String>copyOf(chosen), decision, reason);
            redirect.addFlashAttribute(
                    "notice",
                    localized.text(
                            after.summary().status().isClosed()
                                    ? "verification.decidedAndClosed"
                                    : "verification.decided",
                            localized.text("verification.decision." + decision)));
            return "redirect:/sales-verifications/" + id;
        } catch (InvalidInput | ApiProblem refused) {
            Forms forms = Forms.empty()
                    .withDecision(
                            new DecisionForm(chosen, all ? "all" : "selected", decision, reason),
                            refusal(refused, response));
            return casePage(verification.get(id), forms, model);
        }
    }

    @GetMapping("/sales-verifications/{caseId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String caseId, @PathVariable String attachmentId) {
        return AttachmentDownload.of(verification.attachment(caseId(caseId), AttachmentDownload.id(attachmentId)));
    }

    private String casePage(SalesVerification.CaseView view, Forms forms, Model model) {
        Caller caller = Callers.current();
        PartnerId partnerId = view.verificationCase().partnerId();
        boolean open = !view.summary().status().isClosed();
        model.addAttribute("view", view);
        model.addAttribute("summary", view.summary());
        model.addAttribute("partner", directory.get(partnerId).partner());
        model.addAttribute("canSeeQueue", caller.isProgramStaff());
        model.addAttribute("canReview", open && PartnerPermission.REVIEW_SALES.allows(caller, partnerId));
        model.addAttribute(
                "canAnswer",
                open
                        && view.summary().status() != CaseStatus.OPEN
                        && PartnerPermission.ANSWER_SALES_VERIFICATIONS.allows(caller, partnerId));
        model.addAttribute("rules", verification.attachmentRules());
        model.addAttribute("forms", forms);
        model.addAttribute("decisions", SaleDecision.values());
        return "verification/case";
    }

    /** A refusal as the errors of the form that caused it; 404 and 403 stay whole-page refusals. */
    private Map<String, String> refusal(RuntimeException refused, HttpServletResponse response) {
        if (refused instanceof InvalidInput invalid) {
            response.setStatus(400);
            return errors(invalid);
        }
        ApiProblem problem = (ApiProblem) refused;
        if (problem.status() == 404 || problem.status() == 403) {
            throw problem;
        }
        response.setStatus(problem.status());
        String field = switch (problem.code()) {
            case "ATTACHMENT_TOO_LARGE", "ATTACHMENT_TYPE_NOT_ALLOWED" -> "files";
            default -> "form";
        };
        return Map.of(field, problemText(problem));
    }

    /** Field errors by form field: the errors of {@code lineIds[3]} show under {@code lineIds}. */
    private Map<String, String> errors(InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.of(invalid, localized)
                .forEach((field, message) ->
                        errors.merge(field.replaceFirst("\\[\\d+]$", ""), message, (a, b) -> a + " " + b));
        return errors;
    }

    private String problemText(ApiProblem problem) {
        return localized.text("problem." + problem.code(), problem.arguments());
    }
}
