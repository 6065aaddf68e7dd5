package org.directbill.compliance.api;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.directbill.compliance.ComplianceRuns;
import org.directbill.compliance.DirectBillStatuses;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.Standings;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Role;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.Violations;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The compliance calls of api.md: a partner's status and its history, the run, the manual steps. */
@RestController
@RequestMapping("/api/v1")
class ComplianceController {

    private final DirectBillStatuses statuses;
    private final ComplianceRuns runs;
    private final Localized localized;

    ComplianceController(DirectBillStatuses statuses, ComplianceRuns runs, Localized localized) {
        this.statuses = statuses;
        this.runs = runs;
        this.localized = localized;
    }

    @GetMapping("/partners/{id}/status")
    StatusResponse status(@PathVariable String id) {
        return StatusResponse.of(statuses.status(partnerId(id)), localized);
    }

    record HistoryItem(
            String id,
            String from,
            String to,
            LocalDate effectiveOn,
            String cause,
            String causeText,
            @Nullable String reason,
            @Nullable String assessmentId,
            java.time.Instant recordedAt,
            String recordedBy) {}

    /** The partner's statuses, newest first. */
    @GetMapping("/partners/{id}/status/history")
    List<HistoryItem> history(@PathVariable String id) {
        return statuses.history(partnerId(id)).stream().map(this::item).toList();
    }

    record AssessmentItem(
            String id,
            LocalDate assessedOn,
            String occasion,
            String policyId,
            String outcome,
            List<StatusResponse.Unmet> unmet,
            List<String> evaluationIds,
            java.time.Instant recordedAt,
            String recordedBy) {}

    /** The partner's decided assessments, newest first, each with the evaluations behind it. */
    @GetMapping("/partners/{id}/assessments")
    List<AssessmentItem> assessments(@PathVariable String id) {
        return statuses.assessments(partnerId(id)).stream()
                .map(a -> new AssessmentItem(
                        a.id().toString(),
                        a.assessedOn(),
                        a.occasion().name(),
                        a.policyId(),
                        a.outcome().name(),
                        StatusResponse.unmet(a, localized),
                        a.evaluationIds().stream().map(Object::toString).toList(),
                        a.recordedAt(),
                        a.recordedBy()))
                .toList();
    }

    record StatusActionBody(
            @Nullable String action, @Nullable String reason) {}

    @PostMapping("/partners/{id}/status-actions")
    StatusResponse act(@PathVariable String id, @RequestBody StatusActionBody body) {
        return StatusResponse.of(statuses.act(partnerId(id), body.action(), body.reason()), localized);
    }

    record RunBody(@Nullable LocalDate asOf, @Nullable Boolean reassessAll) {}

    /** Every assessment and escalation due on or before {@code asOf} (program admin). */
    @PostMapping("/compliance/runs")
    ComplianceRuns.Run run(@RequestBody RunBody body) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        Violations violations = new Violations();
        LocalDate asOf = violations.require("asOf", body.asOf());
        violations.throwIfAny();
        return runs.runAsProgramAdmin(asOf, Boolean.TRUE.equals(body.reassessAll()));
    }

    /** The partners in the given statuses (program staff): the compliance board's data. */
    @GetMapping("/compliance/partners")
    List<StatusResponse> board(@RequestParam(name = "status", required = false) @Nullable List<String> status) {
        EnumSet<DirectBillStatus> wanted = EnumSet.noneOf(DirectBillStatus.class);
        Violations violations = new Violations();
        if (status == null || status.isEmpty()) {
            wanted = EnumSet.of(DirectBillStatus.AT_RISK, DirectBillStatus.RESTRICTED, DirectBillStatus.SUSPENDED);
        } else {
            for (String name : status) {
                try {
                    wanted.add(DirectBillStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    violations.add("status", "UNKNOWN_STATUS", name);
                }
            }
        }
        violations.throwIfAny();
        return statuses.inStatus(wanted).stream()
                .map(view -> StatusResponse.of(view, localized))
                .toList();
    }

    private HistoryItem item(Standings.RecordedChange recorded) {
        return new HistoryItem(
                recorded.id().toString(),
                recorded.change().from().name(),
                recorded.change().to().name(),
                recorded.change().effectiveOn(),
                recorded.change().cause().name(),
                localized.text("compliance.cause." + recorded.change().cause().name()),
                recorded.change().reason(),
                recorded.assessmentId() == null ? null : recorded.assessmentId().toString(),
                recorded.recordedAt(),
                recorded.recordedBy());
    }

    static PartnerId partnerId(String id) {
        return PartnerId.parse(id).orElseThrow(() -> new NotFound("PARTNER_NOT_FOUND", id));
    }
}
