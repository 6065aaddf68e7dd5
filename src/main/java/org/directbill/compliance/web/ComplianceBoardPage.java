package org.directbill.compliance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.directbill.compliance.ComplianceRuns;
import org.directbill.compliance.DirectBillStatuses;
import org.directbill.compliance.StatusView;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Role;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violations;
import org.directbill.shared.web.FormErrors;
import org.directbill.shared.web.Localized;
import org.directbill.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The compliance board (program staff): the partners at risk with their cure deadlines and what
 * they miss, the restricted ones with the dates of their suspension and revocation, the suspended
 * ones with the date of their revocation, each section with the nearest date first. A program admin
 * also runs compliance as of a date from here, and reads what the run did.
 */
@PageController
class ComplianceBoardPage {

    private final DirectBillStatuses statuses;
    private final ComplianceRuns runs;
    private final PartnerDirectory directory;
    private final ComplianceWords words;
    private final Localized localized;
    private final Clock clock;

    ComplianceBoardPage(
            DirectBillStatuses statuses,
            ComplianceRuns runs,
            PartnerDirectory directory,
            ComplianceWords words,
            Localized localized,
            Clock clock) {
        this.statuses = statuses;
        this.runs = runs;
        this.directory = directory;
        this.words = words;
        this.localized = localized;
        this.clock = clock;
    }

    /**
     * One partner of the board.
     *
     * @param left the days left before the cure deadline (at risk) or the next step (restricted, suspended)
     * @param unmet why: the requirements the failed assessment found not met…
     * @param reason …or the program admin's reason, when a person restricted or revoked it
     */
    record Line(
            String partnerId,
            String name,
            List<String> markets,
            @Nullable LocalDate since,
            @Nullable LocalDate cureDeadline,
            @Nullable LocalDate suspendOn,
            @Nullable LocalDate revokeOn,
            ComplianceWords.@Nullable Left left,
            List<ComplianceWords.Unmet> unmet,
            @Nullable String reason,
            @Nullable LocalDate nearest) {}

    /** What a run did, carried to the board after the redirect. */
    record RunCounts(
            LocalDate asOf, int assessed, int notices, int restricted, int suspended, int revoked, int reinstated)
            implements Serializable {

        static RunCounts of(ComplianceRuns.Run run) {
            return new RunCounts(
                    run.asOf(),
                    run.assessed(),
                    run.notices(),
                    run.restricted(),
                    run.suspended(),
                    run.revoked(),
                    run.reinstated());
        }
    }

    @GetMapping("/compliance")
    String board(Model model) {
        return render(model, Map.of(), null);
    }

    /** A program admin's run: every assessment and escalation due on or before the date. */
    @PostMapping("/compliance/runs")
    String run(
            @RequestParam(defaultValue = "") String asOf,
            @RequestParam(defaultValue = "false") boolean reassessAll,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        try {
            Violations violations = new Violations();
            LocalDate date = null;
            if (asOf.isBlank()) {
                violations.add("asOf", "REQUIRED");
            } else {
                try {
                    date = LocalDate.parse(asOf.strip());
                } catch (DateTimeParseException notADate) {
                    violations.add("asOf", "INVALID_DATE", asOf.strip());
                }
            }
            violations.throwIfAny();
            ComplianceRuns.Run run = runs.runAsProgramAdmin(date, reassessAll);
            redirect.addFlashAttribute("run", RunCounts.of(run));
            redirect.addFlashAttribute("notice", localized.text("compliance.run.done", run.asOf()));
            return "redirect:/compliance#run";
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return render(model, FormErrors.of(invalid, localized), new RunForm(asOf, reassessAll));
        }
    }

    /** The run form as typed. */
    record RunForm(String asOf, boolean reassessAll) {}

    private String render(Model model, Map<String, String> errors, @Nullable RunForm form) {
        List<StatusView> views = statuses.inStatus(
                EnumSet.of(DirectBillStatus.AT_RISK, DirectBillStatus.RESTRICTED, DirectBillStatus.SUSPENDED));
        LocalDate today = LocalDate.now(clock);
        Map<PartnerId, String> names = new HashMap<>();
        Map<DirectBillStatus, List<Line>> sections = new java.util.EnumMap<>(DirectBillStatus.class);
        for (DirectBillStatus status :
                List.of(DirectBillStatus.AT_RISK, DirectBillStatus.RESTRICTED, DirectBillStatus.SUSPENDED)) {
            sections.put(
                    status,
                    views.stream()
                            .filter(view -> view.status() == status)
                            .map(view -> line(view, today, names))
                            .sorted(Comparator.comparing(
                                            Line::nearest, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                                    .thenComparing(Line::name, String.CASE_INSENSITIVE_ORDER))
                            .toList());
        }
        model.addAttribute("atRisk", sections.get(DirectBillStatus.AT_RISK));
        model.addAttribute("restricted", sections.get(DirectBillStatus.RESTRICTED));
        model.addAttribute("suspended", sections.get(DirectBillStatus.SUSPENDED));
        model.addAttribute("atRiskStatus", words.status(DirectBillStatus.AT_RISK));
        model.addAttribute("restrictedStatus", words.status(DirectBillStatus.RESTRICTED));
        model.addAttribute("suspendedStatus", words.status(DirectBillStatus.SUSPENDED));
        model.addAttribute("today", today);
        model.addAttribute("canRun", Callers.current().has(Role.PROGRAM_ADMIN));
        model.addAttribute("runForm", form != null ? form : new RunForm(today.toString(), false));
        model.addAttribute("errors", errors);
        return "compliance/board";
    }

    private Line line(StatusView view, LocalDate today, Map<PartnerId, String> names) {
        String name = names.computeIfAbsent(
                view.partnerId(), id -> directory.get(id).partner().legalName());
        LocalDate nearest = switch (view.status()) {
            case AT_RISK -> view.cureDeadline();
            default ->
                view.nextEscalation() == null ? null : view.nextEscalation().on();
        };
        return new Line(
                view.partnerId().toString(),
                name,
                words.markets(view.markets()),
                view.since(),
                view.cureDeadline(),
                view.suspendOn(),
                view.revokeOn(),
                nearest == null ? null : words.left(nearest, today),
                words.unmet(view.failedAssessment(), true),
                view.reason(),
                nearest);
    }
}
