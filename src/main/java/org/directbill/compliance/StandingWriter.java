package org.directbill.compliance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.directbill.compliance.domain.Assessment;
import org.directbill.compliance.domain.Assessments;
import org.directbill.compliance.domain.ChangeCause;
import org.directbill.compliance.domain.Standing;
import org.directbill.compliance.domain.Standings;
import org.directbill.compliance.domain.StatusChange;
import org.directbill.compliance.internal.StandingSaved;
import org.directbill.partner.Callers;
import org.directbill.partner.SystemCaller;
import org.directbill.partner.domain.Caller;
import org.directbill.policy.domain.ReasonArguments;
import org.directbill.shared.audit.AuditEvent;
import org.directbill.shared.notice.Localizable;
import org.directbill.shared.notice.PartnerEvent;
import org.directbill.shared.notice.PartnerNotice;
import org.directbill.shared.problem.Conflict;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a standing step, with everything that goes with a change of status in the same
 * transaction: the history entry, the audit entry, the partner's notice (email and in the app) and
 * the webhook event for other systems. A step that leaves the status as it was is only saved. Every
 * write is announced ({@link StandingSaved}) so this instance's authorization view has it at commit.
 */
@Component
class StandingWriter {

    static final String AUDIT_TYPE = "DIRECT_BILL_STATUS";
    static final String EVENT_PREFIX = "partner.status.";

    private final Standings standings;
    private final Assessments assessments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StandingWriter(Standings standings, Assessments assessments, ApplicationEventPublisher events, Clock clock) {
        this.standings = standings;
        this.assessments = assessments;
        this.events = events;
        this.clock = clock;
    }

    /** Saves the step over the version read (409 {@code STALE_VERSION} when it changed meanwhile). */
    Standing write(Standing before, Standing.Step step, @Nullable UUID assessmentId) {
        Standing saved = standings.save(step.standing()).orElseThrow(() -> new Conflict("STALE_VERSION"));
        events.publishEvent(new StandingSaved(saved));
        step.change().ifPresent(change -> told(before, saved, change, assessmentId));
        return saved;
    }

    private void told(Standing before, Standing after, StatusChange change, @Nullable UUID assessmentId) {
        String by = Callers.find().map(Caller::username).orElse(SystemCaller.USERNAME);
        UUID changeId = standings.addChange(after.partnerId(), change, assessmentId, clock.instant(), by);
        events.publishEvent(new AuditEvent(
                        after.partnerId().toString(),
                        AUDIT_TYPE,
                        after.partnerId().toString(),
                        "STATUS_" + change.to().name(),
                        before,
                        after,
                        null)
                .because(change.reason() == null ? change.cause().name() : change.reason()));
        notice(after, change, changeId);
        events.publishEvent(new PartnerEvent(
                after.partnerId().value(),
                EVENT_PREFIX + change.to().name().toLowerCase(Locale.ROOT),
                "status-change:" + changeId,
                eventData(after, change, changeId)));
    }

    private void notice(Standing after, StatusChange change, UUID changeId) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(change.effectiveOn());
        String kind;
        switch (change.to()) {
            case AT_RISK -> {
                kind = "COMPLIANCE_AT_RISK";
                arguments.add(why(after, change));
                arguments.add(after.cureDeadline());
            }
            case RESTRICTED -> {
                kind = "COMPLIANCE_RESTRICTED";
                arguments.add(why(after, change));
                arguments.add(after.suspendOn());
                arguments.add(after.revokeOn());
            }
            case SUSPENDED -> {
                kind = "COMPLIANCE_SUSPENDED";
                arguments.add(why(after, change));
                arguments.add(after.revokeOn());
            }
            case REVOKED -> {
                kind = "COMPLIANCE_REVOKED";
                arguments.add(why(after, change));
            }
            case ACTIVE -> {
                if (change.cause() == ChangeCause.ENROLLMENT_ACTIVATED) {
                    return; // the enrollment told the partner already
                }
                if (change.cause() == ChangeCause.CURED) {
                    kind = "COMPLIANCE_CURED";
                } else {
                    kind = "COMPLIANCE_REINSTATED";
                    arguments.add(change.reason() == null ? "" : change.reason());
                }
            }
            default -> {
                return;
            }
        }
        events.publishEvent(new PartnerNotice(
                after.partnerId().value(),
                kind,
                "compliance:" + changeId,
                arguments,
                "/partners/" + after.partnerId() + "/status"));
    }

    /**
     * Why, as lines of the notice: each unmet requirement of the failed assessment (its name, market
     * and reason), or the program admin's reason for a step taken by hand.
     */
    private List<Object> why(Standing after, StatusChange change) {
        if (change.cause().manual() && change.reason() != null) {
            return List.of(Localizable.of("compliance.notice.adminReason", change.reason()));
        }
        List<Object> lines = new ArrayList<>();
        if (after.failedAssessmentId() != null) {
            for (Assessment.Unmet unmet : assessments
                    .find(after.failedAssessmentId())
                    .map(Assessment::unmet)
                    .orElse(List.of())) {
                lines.add(unmetLine(unmet));
            }
        }
        if (lines.isEmpty() && change.reason() != null) {
            lines.add(Localizable.of("compliance.notice.adminReason", change.reason()));
        }
        return lines;
    }

    static Localizable unmetLine(Assessment.Unmet unmet) {
        Localizable name = Localizable.of("requirement.code." + unmet.code());
        Localizable reason = new Localizable(
                "requirement.reason." + unmet.reason(), ReasonArguments.forMessage(unmet.reasonArguments()));
        return unmet.market() == null
                ? Localizable.of("compliance.notice.unmet", name, reason)
                : Localizable.of("compliance.notice.unmetInMarket", name, unmet.market(), reason);
    }

    private static Map<String, Object> eventData(Standing after, StatusChange change, UUID changeId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changeId", changeId.toString());
        data.put("partnerId", after.partnerId().toString());
        data.put("from", change.from().name());
        data.put("to", change.to().name());
        data.put("effectiveOn", change.effectiveOn().toString());
        data.put("cause", change.cause().name());
        if (change.reason() != null) {
            data.put("reason", change.reason());
        }
        data.put("markets", List.copyOf(after.markets()));
        data.put("indirectReseller", after.indirectReseller());
        putDate(data, "cureDeadline", after.cureDeadline());
        putDate(data, "restrictedOn", after.restrictedOn());
        putDate(data, "suspendOn", after.suspendOn());
        putDate(data, "revokeOn", after.revokeOn());
        return data;
    }

    private static void putDate(Map<String, Object> data, String name, java.time.@Nullable LocalDate date) {
        if (date != null) {
            data.put(name, date.toString());
        }
    }
}
