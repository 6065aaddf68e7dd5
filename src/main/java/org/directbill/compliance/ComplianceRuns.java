package org.directbill.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import org.directbill.compliance.domain.Assessment;
import org.directbill.compliance.domain.AssessmentCalendar;
import org.directbill.compliance.domain.Assessments;
import org.directbill.compliance.domain.ChangeCause;
import org.directbill.compliance.domain.DirectBillStatus;
import org.directbill.compliance.domain.Escalation;
import org.directbill.compliance.domain.Standing;
import org.directbill.compliance.domain.Standings;
import org.directbill.partner.Callers;
import org.directbill.partner.PartnerDirectory;
import org.directbill.partner.SystemCaller;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.policy.Policies;
import org.directbill.policy.domain.Policy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The compliance run (domain.md, "Staying a direct-bill partner"): every assessment and escalation
 * due on or before an as-of date. An ACTIVE partner is assessed on its anniversary (or its support
 * plan's renewal date) against the policy in force that day; a failure makes it AT_RISK with a cure
 * deadline; an AT_RISK partner is measured again at each run and is ACTIVE again when it meets the
 * requirements by the deadline; the day after the deadline it is RESTRICTED, then SUSPENDED and
 * REVOKED on the days its policy sets. Each step takes effect on its own date, so a run made late
 * ends where daily runs would have; a run repeated for the same date changes nothing. Each partner
 * is handled in its own transaction, its standing locked, so one failing does not hold up the rest.
 */
@Service
public class ComplianceRuns {

    private static final Logger log = LoggerFactory.getLogger(ComplianceRuns.class);
    private static final EnumSet<DirectBillStatus> WATCHED = EnumSet.of(
            DirectBillStatus.ACTIVE, DirectBillStatus.AT_RISK, DirectBillStatus.RESTRICTED, DirectBillStatus.SUSPENDED);
    /** More steps than a partner can take in one run (assess, restrict, suspend, revoke): a guard. */
    private static final int MAX_STEPS = 8;

    private final Standings standings;
    private final Assessments assessments;
    private final Assessor assessor;
    private final StandingWriter writer;
    private final Policies policies;
    private final PartnerDirectory directory;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ComplianceRuns(
            Standings standings,
            Assessments assessments,
            Assessor assessor,
            StandingWriter writer,
            Policies policies,
            PartnerDirectory directory,
            TransactionTemplate transactions,
            Clock clock) {
        this.standings = standings;
        this.assessments = assessments;
        this.assessor = assessor;
        this.writer = writer;
        this.policies = policies;
        this.directory = directory;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a run did; every count is of steps taken by this run (a repeated run answers zeros). */
    public record Run(
            LocalDate asOf, int assessed, int notices, int restricted, int suspended, int revoked, int reinstated) {}

    /** The run a program admin asks for, e.g. with {@code reassessAll} when a new policy takes effect. */
    public Run runAsProgramAdmin(LocalDate asOf, boolean reassessAll) {
        Callers.requireStaff(Role.PROGRAM_ADMIN);
        return run(asOf, reassessAll);
    }

    /** Today's run, for the scheduler, as the service itself. */
    public Run runToday() {
        return SystemCaller.call(() -> run(LocalDate.now(clock), false));
    }

    Run run(LocalDate asOf, boolean reassessAll) {
        Tally total = new Tally();
        for (Standing standing : standings.inStatus(WATCHED)) {
            try {
                Tally one = transactions.execute(status -> handle(standing.partnerId(), asOf, reassessAll));
                if (one != null) {
                    total.add(one);
                }
            } catch (RuntimeException failed) {
                log.warn("Compliance run of {}: partner {} not handled", asOf, standing.partnerId(), failed);
            }
        }
        return new Run(
                asOf,
                total.assessed,
                total.notices,
                total.restricted,
                total.suspended,
                total.revoked,
                total.reinstated);
    }

    private Tally handle(PartnerId partner, LocalDate asOf, boolean reassessAll) {
        Tally tally = new Tally();
        Standing standing = standings.lock(partner);
        boolean onDemand = reassessAll;
        for (int step = 0; step < MAX_STEPS; step++) {
            Standing next = switch (standing.status()) {
                case ACTIVE -> assess(standing, asOf, onDemand, tally);
                case AT_RISK -> cureOrRestrict(standing, asOf, tally);
                case RESTRICTED, SUSPENDED -> escalate(standing, asOf, tally);
                case NONE, REVOKED -> null;
            };
            onDemand = false;
            if (next == null) {
                break;
            }
            standing = next;
        }
        return tally;
    }

    /** The assessment due (or asked for), if any: the standing after it, or null when none was made. */
    private @Nullable Standing assess(Standing standing, LocalDate asOf, boolean onDemand, Tally tally) {
        Optional<Policy> policyNow = policies.inForceOn(asOf);
        if (policyNow.isEmpty()) {
            return null;
        }
        LocalDate on;
        Assessment.Occasion occasion;
        if (onDemand) {
            if (assessments.exists(standing.partnerId(), asOf, Assessment.Occasion.ON_DEMAND)) {
                return null;
            }
            on = asOf;
            occasion = Assessment.Occasion.ON_DEMAND;
        } else {
            Optional<AssessmentCalendar.Due> due = AssessmentCalendar.dueBy(
                    standing, policyNow.get().enforcement().measureAt(), renewsOn(standing.partnerId()), asOf);
            if (due.isEmpty()) {
                return null;
            }
            on = due.get().on();
            occasion = Assessment.Occasion.valueOf(due.get().occasion().name());
        }
        Policy policy = policies.inForceOn(on).orElse(policyNow.get());
        Assessor.Measured measured = assessor.measure(standing.partnerId(), standing.markets(), on, policy);
        if (measured.outcome() == null) {
            // A requirement waits on someone else (a sale under verification, a missing rate): the
            // assessment stays due and the next run measures the same date again.
            log.info("Compliance: assessment of {} on {} is pending", standing.partnerId(), on);
            return null;
        }
        Assessment assessment = assessor.record(measured, occasion);
        tally.assessed++;
        if (measured.passed()) {
            return writer.write(standing, standing.assessmentPassed(on), assessment.id());
        }
        tally.notices++;
        return writer.write(
                standing,
                standing.assessmentFailed(on, policy.enforcement().cureDays(), assessment.id()),
                assessment.id());
    }

    /** An AT_RISK partner: ACTIVE again when it meets the requirements by the deadline, else restricted after it. */
    private @Nullable Standing cureOrRestrict(Standing standing, LocalDate asOf, Tally tally) {
        LocalDate deadline = standing.cureDeadline() == null ? asOf : standing.cureDeadline();
        LocalDate checkOn = asOf.isBefore(deadline) ? asOf : deadline;
        if (!checkOn.isBefore(standing.since() == null ? checkOn : standing.since())) {
            Optional<Policy> policy = policies.inForceOn(checkOn);
            if (policy.isPresent()) {
                Assessor.Measured measured =
                        assessor.measure(standing.partnerId(), standing.markets(), checkOn, policy.get());
                if (measured.passed()
                        && !assessments.exists(standing.partnerId(), checkOn, Assessment.Occasion.CURE_CHECK)) {
                    Assessment assessment = assessor.record(measured, Assessment.Occasion.CURE_CHECK);
                    tally.assessed++;
                    tally.notices++;
                    tally.reinstated++;
                    return writer.write(standing, standing.cured(checkOn), assessment.id());
                }
            }
        }
        return escalate(standing, asOf, tally);
    }

    /** The calendar's next step, if due by {@code asOf}, taken on its own date. */
    private @Nullable Standing escalate(Standing standing, LocalDate asOf, Tally tally) {
        Optional<Escalation> due = standing.escalationDueBy(asOf);
        if (due.isEmpty()) {
            return null;
        }
        Escalation escalation = due.get();
        tally.notices++;
        return switch (escalation.kind()) {
            case RESTRICT -> {
                tally.restricted++;
                Policy policy = policies.inForceOn(escalation.on()).orElseThrow();
                yield writer.write(
                        standing,
                        standing.restrict(
                                escalation.on(),
                                policy.enforcement().suspendAfterDays(),
                                policy.enforcement().revokeAfterDays(),
                                ChangeCause.CURE_DEADLINE_PASSED,
                                null),
                        standing.failedAssessmentId());
            }
            case SUSPEND -> {
                tally.suspended++;
                yield writer.write(standing, standing.suspend(escalation.on()), standing.failedAssessmentId());
            }
            case REVOKE -> {
                tally.revoked++;
                yield writer.write(
                        standing,
                        standing.revoke(escalation.on(), ChangeCause.REVOCATION_DUE, null),
                        standing.failedAssessmentId());
            }
        };
    }

    /** The latest renewal date of the partner's support plans, if it has any. */
    private @Nullable LocalDate renewsOn(PartnerId partner) {
        return directory.supportPlans(partner).stream()
                .map(SupportPlan::renewsOn)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static final class Tally {
        int assessed;
        int notices;
        int restricted;
        int suspended;
        int revoked;
        int reinstated;

        void add(Tally other) {
            assessed += other.assessed;
            notices += other.notices;
            restricted += other.restricted;
            suspended += other.suspended;
            revoked += other.revoked;
            reinstated += other.reinstated;
        }
    }
}
