package org.directbill.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.directbill.compliance.domain.Assessment;
import org.directbill.compliance.domain.AssessmentCalendar;
import org.directbill.compliance.domain.Assessments;
import org.directbill.compliance.domain.AuthorizationMatrix;
import org.directbill.compliance.domain.ChangeCause;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.IllegalStatusChange;
import org.directbill.compliance.domain.PartnerAction;
import org.directbill.compliance.domain.Standing;
import org.directbill.compliance.domain.Standings;
import org.directbill.compliance.domain.StatusChange;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerPermission;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.policy.Policies;
import org.directbill.policy.domain.Enforcement;
import org.directbill.policy.domain.Policy;
import org.directbill.shared.problem.Conflict;
import org.directbill.shared.problem.NotFound;
import org.directbill.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' direct-bill statuses: read by the partner's own users and program staff, changed by hand
 * by a program admin (restrict, reinstate, revoke, each with a reason), listed for the compliance
 * board.
 */
@Service
@Transactional
public class DirectBillStatuses {

    static final int MAX_REASON_LENGTH = 2000;

    private final Standings standings;
    private final Assessments assessments;
    private final StandingWriter writer;
    private final Policies policies;
    private final PartnerDirectory directory;
    private final Clock clock;

    DirectBillStatuses(
            Standings standings,
            Assessments assessments,
            StandingWriter writer,
            Policies policies,
            PartnerDirectory directory,
            Clock clock) {
        this.standings = standings;
        this.assessments = assessments;
        this.writer = writer;
        this.policies = policies;
        this.directory = directory;
        this.clock = clock;
    }

    /** The partner's status now: whoever may read the partner (404 for another partner's user). */
    @Transactional(readOnly = true)
    public StatusView status(PartnerId partner) {
        directory.get(partner);
        return view(standings.find(partner).orElseGet(() -> Standing.none(partner)));
    }

    /**
     * The partner's status in a few words, from one read of its standing (no policy, assessment or
     * history): for the banner of every page. Whoever may read the partner (404 for another
     * partner's user); a partner that does not exist reads as NONE.
     */
    @Transactional(readOnly = true)
    public StatusSummary summary(PartnerId partner) {
        switch (PartnerPermission.READ.decide(Callers.current(), partner)) {
            case HIDDEN -> throw new NotFound("PARTNER_NOT_FOUND", partner.toString());
            case DENIED -> throw new AccessDeniedException("may not read the partner");
            case ALLOWED -> {}
        }
        Standing standing = standings.find(partner).orElseGet(() -> Standing.none(partner));
        return new StatusSummary(
                partner,
                standing.status(),
                standing.since(),
                standing.cureDeadline(),
                standing.nextEscalation().orElse(null));
    }

    /** The partner's history of statuses, newest first. */
    @Transactional(readOnly = true)
    public List<org.directbill.compliance.domain.Standings.RecordedChange> history(PartnerId partner) {
        directory.get(partner);
        return standings.history(partner);
    }

    /** The partner's decided assessments, newest first. */
    @Transactional(readOnly = true)
    public List<Assessment> assessments(PartnerId partner) {
        directory.get(partner);
        return assessments.ofPartner(partner).stream()
                .map(DirectBillStatuses::asCallerMaySee)
                .toList();
    }

    /** Revenue figures are hidden from who may not see the partner's revenue (domain.md). */
    private static Assessment asCallerMaySee(Assessment assessment) {
        return org.directbill.partner.domain.PartnerPermission.READ_REVENUE.allows(
                        Callers.current(), assessment.partnerId())
                ? assessment
                : assessment.withoutRevenueFigures();
    }

    /** The partners in the given statuses (program staff), for the compliance board. */
    @Transactional(readOnly = true)
    public List<StatusView> inStatus(EnumSet<DirectBillStatus> statuses) {
        Callers.requireStaff(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);
        return standings.inStatus(statuses).stream().map(this::view).toList();
    }

    /**
     * A program admin restricts, reinstates or revokes by hand, today, with a reason: 400 for a
     * missing or too long reason, 409 {@code ILLEGAL_TRANSITION} when the status does not allow it.
     */
    public StatusView act(PartnerId partner, @Nullable String actionName, @Nullable String reason) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        directory.get(partner);
        Violations violations = new Violations();
        StatusAction action = null;
        if (actionName == null || actionName.isBlank()) {
            violations.add("action", "REQUIRED");
        } else {
            try {
                action = StatusAction.valueOf(actionName.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                violations.add("action", "UNKNOWN_STATUS_ACTION", actionName);
            }
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            violations.add("reason", "REQUIRED");
        } else if (why.length() > MAX_REASON_LENGTH) {
            violations.add("reason", "TOO_LONG", String.valueOf(MAX_REASON_LENGTH));
        }
        violations.throwIfAny();
        LocalDate today = LocalDate.now(clock);
        Standing standing = standings.lock(partner);
        try {
            Standing.Step step = switch (action) {
                case RESTRICT -> {
                    Enforcement enforcement = enforcementOn(today);
                    yield standing.restrict(
                            today,
                            enforcement.suspendAfterDays(),
                            enforcement.revokeAfterDays(),
                            ChangeCause.RESTRICTED_BY_ADMIN,
                            why);
                }
                case REINSTATE -> standing.reinstate(today, why);
                case REVOKE -> standing.revoke(today, ChangeCause.REVOKED_BY_ADMIN, why);
            };
            return view(writer.write(standing, step, standing.failedAssessmentId()));
        } catch (IllegalStatusChange illegal) {
            throw new Conflict(
                    "ILLEGAL_TRANSITION", illegal.step(), illegal.status().name());
        }
    }

    private Enforcement enforcementOn(LocalDate date) {
        return policies.inForceOn(date).map(Policy::enforcement).orElse(Enforcement.DEFAULT);
    }

    private StatusView view(Standing standing) {
        Enforcement enforcement = enforcementOn(LocalDate.now(clock));
        AssessmentCalendar.Due next = AssessmentCalendar.next(standing, enforcement.measureAt(), renewsOn(standing))
                .orElse(null);
        Assessment failed = standing.failedAssessmentId() == null || standing.status() == DirectBillStatus.ACTIVE
                ? null
                : assessments
                        .find(standing.failedAssessmentId())
                        .map(DirectBillStatuses::asCallerMaySee)
                        .orElse(null);
        String reason = standing.status() == DirectBillStatus.NONE ? null : adminReason(standing);
        List<PartnerAction> blocked = new ArrayList<>();
        List<PartnerAction> allowed = new ArrayList<>();
        for (PartnerAction action : PartnerAction.values()) {
            (AuthorizationMatrix.decide(standing.status(), standing.indirectReseller(), action)
                                    .allowed()
                            ? allowed
                            : blocked)
                    .add(action);
        }
        return StatusView.of(standing, next, failed, reason, blocked, allowed);
    }

    /**
     * The program admin's reason for where the partner stands: that of the latest change if a person
     * made it; for a restriction the calendar carried on (suspended after an admin restricted it), that
     * of the change by hand that began it.
     */
    private @Nullable String adminReason(Standing standing) {
        for (Standings.RecordedChange recorded : standings.history(standing.partnerId())) {
            StatusChange change = recorded.change();
            if (change.cause().manual()) {
                return change.reason();
            }
            if (!standing.status().isRestriction() || !change.from().isRestriction()) {
                return null;
            }
        }
        return null;
    }

    private @Nullable LocalDate renewsOn(Standing standing) {
        if (!standing.status().isInGoodStanding()) {
            return null;
        }
        return directory.supportPlans(standing.partnerId()).stream()
                .map(SupportPlan::renewsOn)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
