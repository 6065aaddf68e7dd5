package org.directbill.enrollment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.directbill.enrollment.EnrollmentWorkflow;
import org.directbill.enrollment.EnrollmentWorkflow.CreditDecision;
import org.directbill.enrollment.EnrollmentWorkflow.ReviewDecision;
import org.directbill.enrollment.domain.ChecklistItem;
import org.directbill.enrollment.domain.ChecklistMark;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.shared.problem.ApiProblem;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violations;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What operations do on an enrollment's page: mark the checklist, decide the review (VERIFIED, ask
 * for information with a due date, REJECTED) and the credit check (APPROVED with a limit in USD,
 * DECLINED). Each form is its own, so its mistakes show next to it: {@code verify},
 * {@code requestInfo}, {@code reject}, {@code approve}, {@code decline}, {@code checklist}.
 */
@PageController
class ReviewPages {

    private final EnrollmentWorkflow workflow;
    private final EnrollmentPage page;
    private final Refusals refusals;
    private final Localized localized;

    ReviewPages(EnrollmentWorkflow workflow, EnrollmentPage page, Refusals refusals, Localized localized) {
        this.workflow = workflow;
        this.page = page;
        this.refusals = refusals;
        this.localized = localized;
    }

    /** A mark on one item; an empty {@code mark} clears it. */
    @PostMapping("/enrollments/{id}/checklist")
    String mark(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String item,
            @RequestParam(defaultValue = "") String mark,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EnrollmentId enrollment = EnrollmentPages.enrollmentId(id);
        try {
            Violations violations = new Violations();
            ChecklistItem checked = parse(ChecklistItem.class, "item", item, violations);
            ChecklistMark marked = parse(ChecklistMark.class, "mark", mark, violations);
            violations.throwIfAny();
            workflow.mark(enrollment, checked, marked, version);
            redirect.addFlashAttribute(
                    "notice",
                    localized.text(
                            "enrollment.marked",
                            localized.text("enrollment.item." + checked),
                            localized.text("enrollment.mark." + (marked == null ? "NONE" : marked.name()))));
            return EnrollmentPages.redirect(enrollment) + "#review-checklist";
        } catch (InvalidInput | ApiProblem refused) {
            return page.render(enrollment, refusals.of("checklist", Map.of("item", item), refused, response), model);
        }
    }

    /** The review decision; the form it came from is named by its decision. */
    @PostMapping("/enrollments/{id}/review")
    String review(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String dueDate,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EnrollmentId enrollment = EnrollmentPages.enrollmentId(id);
        Violations violations = new Violations();
        ReviewDecision chosen = parse(ReviewDecision.class, "decision", decision, violations);
        String form = chosen == null
                ? "verify"
                : switch (chosen) {
                    case VERIFIED -> "verify";
                    case INFO_REQUESTED -> "requestInfo";
                    case REJECTED -> "reject";
                };
        try {
            LocalDate due = date("dueDate", dueDate, violations);
            violations.throwIfAny();
            workflow.review(enrollment, chosen, blankToNull(note), due, version);
            redirect.addFlashAttribute(
                    "notice", localized.text("enrollment.reviewed." + chosen.name(), due == null ? "" : due));
            return EnrollmentPages.redirect(enrollment);
        } catch (InvalidInput | ApiProblem refused) {
            return page.render(
                    enrollment, refusals.of(form, Map.of("note", note, "dueDate", dueDate), refused, response), model);
        }
    }

    @PostMapping("/enrollments/{id}/credit-decision")
    String credit(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String creditLimitUsd,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EnrollmentId enrollment = EnrollmentPages.enrollmentId(id);
        Violations violations = new Violations();
        CreditDecision chosen = parse(CreditDecision.class, "decision", decision, violations);
        String form = chosen == CreditDecision.DECLINED ? "decline" : "approve";
        try {
            violations.throwIfAny();
            Enrollment decided = workflow.decideCredit(
                    enrollment,
                    chosen,
                    chosen == CreditDecision.DECLINED ? null : blankToNull(creditLimitUsd),
                    blankToNull(note),
                    version);
            redirect.addFlashAttribute(
                    "notice",
                    decided.creditLimitUsd() == null
                            ? localized.text("enrollment.credit." + chosen.name())
                            : localized.text("enrollment.credit." + chosen.name(), decided.creditLimitUsd()));
            return EnrollmentPages.redirect(enrollment);
        } catch (InvalidInput | ApiProblem refused) {
            return page.render(
                    enrollment,
                    refusals.of(form, Map.of("creditLimitUsd", creditLimitUsd, "note", note), refused, response),
                    model);
        }
    }

    /** A value of an enum from a form: empty is none, anything else not one of its names is refused in place. */
    static <E extends Enum<E>> @Nullable E parse(Class<E> type, String field, String typed, Violations violations) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, typed.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notOne) {
            violations.add(field, "INVALID_VALUE", typed.strip());
            return null;
        }
    }

    /** A date from a form: empty is none; anything but YYYY-MM-DD (what date fields send) is refused in place. */
    static @Nullable LocalDate date(String field, String typed, Violations violations) {
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

    static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
