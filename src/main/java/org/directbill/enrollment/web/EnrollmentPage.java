package org.directbill.enrollment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.directbill.enrollment.EnrollmentView;
import org.directbill.enrollment.EnrollmentWorkflow;
import org.directbill.enrollment.domain.AttachmentInfo;
import org.directbill.enrollment.domain.ChecklistItem;
import org.directbill.enrollment.domain.ChecklistMark;
import org.directbill.enrollment.domain.Enrollment;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.enrollment.domain.EnrollmentStatus;
import org.directbill.enrollment.domain.Gates;
import org.directbill.enrollment.domain.HistoryEntry;
import org.directbill.enrollment.domain.InfoRequest;
import org.directbill.enrollment.domain.Step;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.Partner;
import org.directbill.policy.Evaluations;
import org.directbill.policy.domain.Evaluation;
import org.directbill.policy.domain.RequirementCode;
import org.directbill.policy.domain.RequirementResult;
import org.directbill.policy.domain.RequirementStatus;
import org.directbill.policy.web.Checklist;
import org.directbill.revenue.domain.AttachmentRules;
import org.directbill.shared.problem.RuleViolation;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page of one enrollment, for the partner and for operations alike: where it stands and what
 * comes next, the live checklist of a draft, the information requests and answers, the timeline, and
 * the forms the reader may use now (from {@link EnrollmentView#allowedSteps()}), each posting the
 * version it showed. Staff also see the service level, the reviewer's checklist and the evaluation
 * the enrollment was submitted with.
 */
@Component
class EnrollmentPage {

    static final String TEMPLATE = "enrollment/enrollment";

    /** The step each form of the page takes: a form is shown only while its step may be taken. */
    private static final Map<String, Step> FORM_STEPS = Map.of(
            "submit", Step.SUBMIT,
            "answer", Step.ANSWER_INFO,
            "checklist", Step.REJECT,
            "verify", Step.VERIFY,
            "requestInfo", Step.REQUEST_INFO,
            "reject", Step.REJECT,
            "approve", Step.APPROVE_CREDIT,
            "decline", Step.DECLINE_CREDIT);

    private final EnrollmentWorkflow workflow;
    private final PartnerDirectory directory;
    private final Evaluations evaluations;
    private final Checklist checklist;
    private final EnrollmentWords words;
    private final Localized localized;

    EnrollmentPage(
            EnrollmentWorkflow workflow,
            PartnerDirectory directory,
            Evaluations evaluations,
            Checklist checklist,
            EnrollmentWords words,
            Localized localized) {
        this.workflow = workflow;
        this.directory = directory;
        this.evaluations = evaluations;
        this.checklist = checklist;
        this.words = words;
        this.localized = localized;
    }

    /** One change of the timeline, in words. */
    record HistoryLine(
            String step,
            EnrollmentWords.Status status,
            String at,
            String by,
            @Nullable String note) {}

    /** A file of an answer, with the page's own download address (pages use the session, not the API). */
    record FileLine(String name, String href, String type, String size) {}

    record AnswerLine(String message, String at, String by, List<FileLine> files) {}

    record RequestLine(
            String message,
            LocalDate dueDate,
            String at,
            String by,
            @Nullable LocalDate remindedOn,
            @Nullable AnswerLine answer) {}

    /** One item of the reviewer's checklist and its mark. */
    record ItemLine(
            String item, String name, String hint, @Nullable String mark, String markText) {}

    String render(EnrollmentId id, PostedForm posted, Model model) {
        EnrollmentView view = workflow.view(id);
        Enrollment enrollment = view.enrollment();
        Caller caller = Callers.current();
        Partner partner = directory.get(enrollment.partnerId()).partner();
        Set<Step> steps =
                view.allowedSteps().isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(view.allowedSteps());
        EnrollmentStatus status = enrollment.status();
        boolean staff = caller.isProgramStaff();

        model.addAttribute("enrollment", enrollment);
        model.addAttribute("partner", partner);
        model.addAttribute("staff", staff);
        model.addAttribute("partnerUser", caller.isPartnerUser());
        model.addAttribute("market", words.market(enrollment.market()));
        model.addAttribute("marketName", words.marketName(enrollment.market()));
        model.addAttribute("status", words.status(status));
        model.addAttribute("deadline", words.deadline(view.serviceLevel(), view.today()));
        model.addAttribute("history", history(view.history()));
        model.addAttribute("requests", requests(enrollment, view.infoRequests()));
        model.addAttribute("openRequest", open(view.infoRequests()));
        // By name, for the template: which forms and links to show.
        model.addAttribute("steps", steps.stream().map(Step::name).collect(Collectors.toSet()));
        model.addAttribute("posted", posted);
        // A refusal of a form the page no longer shows (someone else took the step meanwhile) is said at the top.
        Step postedStep = FORM_STEPS.get(posted.name());
        model.addAttribute(
                "pageError",
                postedStep != null && !steps.contains(postedStep)
                        ? posted.errors().get("form")
                        : null);
        model.addAttribute("rules", AttachmentRules.defaults());
        model.addAttribute(
                "lastNote",
                view.history().isEmpty()
                        ? null
                        : view.history().get(view.history().size() - 1).note());
        model.addAttribute(
                "acceptedAt",
                enrollment.acceptance() == null
                        ? null
                        : words.time(enrollment.acceptance().at()));

        // The live checklist: before submission (what stops it) and before activation (what is left).
        model.addAttribute("live", null);
        model.addAttribute("blocking", List.of());
        model.addAttribute("liveError", null);
        model.addAttribute("supportPlanMet", false);
        if (status == EnrollmentStatus.DRAFT || status == EnrollmentStatus.CREDIT_APPROVED) {
            live(enrollment, status, model);
        }

        // Operations: the reviewer's checklist and the evaluation the enrollment was submitted with.
        model.addAttribute("canMark", staff && steps.contains(Step.REJECT));
        model.addAttribute("items", staff ? items(enrollment) : List.of());
        Evaluation evaluation = staff ? view.evaluation() : null;
        model.addAttribute("evaluation", evaluation);
        if (evaluation != null) {
            model.addAttribute("evaluationHeadline", checklist.headline(evaluation.result()));
            model.addAttribute("evaluationRows", checklist.rows(evaluation.result()));
        }
        model.addAttribute("marks", ChecklistMark.values());
        model.addAttribute("earliestDueDate", view.today().plusDays(EnrollmentWorkflow.MIN_DAYS_TO_ANSWER));
        return TEMPLATE;
    }

    private void live(Enrollment enrollment, EnrollmentStatus status, Model model) {
        try {
            Evaluations.Checked checked = evaluations.check(
                    enrollment.partnerId(),
                    new Evaluations.Request(
                            null,
                            status == EnrollmentStatus.DRAFT ? null : enrollment.policyId(),
                            enrollment.market()));
            List<RequirementResult> results = checked.result().requirements();
            model.addAttribute("live", checklist.live(checked));
            model.addAttribute("livePolicy", checked.policy());
            model.addAttribute(
                    "blocking",
                    words.unmet(
                            status == EnrollmentStatus.DRAFT
                                    ? Gates.blockingSubmission(results)
                                    : Gates.blockingActivation(results)));
            model.addAttribute(
                    "supportPlanMet",
                    results.stream()
                            .anyMatch(r ->
                                    r.code() == RequirementCode.SUPPORT_PLAN && r.status() == RequirementStatus.MET));
        } catch (RuleViolation refused) {
            // No policy in force, say: the page still shows the rest, with the reason.
            model.addAttribute("liveError", localized.text("problem." + refused.code(), refused.arguments()));
        }
    }

    private List<HistoryLine> history(List<HistoryEntry> entries) {
        return entries.stream()
                .map(entry -> new HistoryLine(
                        words.step(entry.step()),
                        words.status(entry.status()),
                        words.time(entry.at()),
                        entry.by(),
                        // Accepting keeps the agreement's version as its note: said as such.
                        entry.step() == Step.ACTIVATE && entry.note() != null
                                ? localized.text("enrollment.timeline.agreementVersion", entry.note())
                                : entry.note()))
                .toList();
    }

    private List<RequestLine> requests(Enrollment enrollment, List<InfoRequest> requests) {
        List<RequestLine> lines = new ArrayList<>();
        for (InfoRequest request : requests) {
            InfoRequest.Answer answer = request.answer();
            lines.add(new RequestLine(
                    request.message(),
                    request.dueDate(),
                    words.time(request.requestedAt()),
                    request.requestedBy(),
                    request.remindedOn(),
                    answer == null
                            ? null
                            : new AnswerLine(
                                    answer.message(),
                                    words.time(answer.at()),
                                    answer.by(),
                                    answer.attachments().stream()
                                            .map(file -> file(enrollment, file))
                                            .toList())));
        }
        return lines;
    }

    private FileLine file(Enrollment enrollment, AttachmentInfo file) {
        return new FileLine(
                file.fileName(),
                "/enrollments/" + enrollment.id() + "/attachments/" + file.id(),
                file.contentType(),
                localized.text("enrollment.file.size", Math.max(1, (file.size() + 1023) / 1024)));
    }

    private static @Nullable InfoRequest open(List<InfoRequest> requests) {
        return requests.stream()
                .filter(request -> !request.answered())
                .reduce((first, later) -> later)
                .orElse(null);
    }

    private List<ItemLine> items(Enrollment enrollment) {
        List<ItemLine> items = new ArrayList<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            ChecklistMark mark = enrollment.checklist().mark(item);
            items.add(new ItemLine(
                    item.name(),
                    localized.text("enrollment.item." + item.name()),
                    localized.text("enrollment.item." + item.name() + ".hint"),
                    mark == null ? null : mark.name(),
                    localized.text("enrollment.mark." + (mark == null ? "NONE" : mark.name()))));
        }
        return items;
    }
}
