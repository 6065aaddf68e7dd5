package org.directbill.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.directbill.compliance.domain.Assessment;
import org.directbill.compliance.domain.Assessments;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.PartnerId;
import org.directbill.policy.Evaluations;
import org.directbill.policy.domain.EligibilityResult;
import org.directbill.policy.domain.Level;
import org.directbill.policy.domain.Outcome;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.RequirementResult;
import org.directbill.policy.domain.RequirementStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Measures a partner against a policy on a date, in every market where it is enrolled, through the
 * policy module's evaluations. Measuring stores nothing (an AT_RISK partner is measured at every
 * run); {@link #record} stores the evaluations and the assessment once it decided something.
 */
@Component
class Assessor {

    private final Evaluations evaluations;
    private final Assessments assessments;
    private final Clock clock;

    Assessor(Evaluations evaluations, Assessments assessments, Clock clock) {
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.clock = clock;
    }

    /** What a measure found: PASSED, FAILED, or undecided (a requirement waits on someone). */
    record Measured(
            PartnerId partner,
            LocalDate on,
            Policy policy,
            List<@Nullable String> markets,
            Assessment.@Nullable Outcome outcome,
            List<Assessment.Unmet> unmet) {

        boolean passed() {
            return outcome == Assessment.Outcome.PASSED;
        }

        boolean failed() {
            return outcome == Assessment.Outcome.FAILED;
        }
    }

    Measured measure(PartnerId partner, java.util.Collection<String> enrolledMarkets, LocalDate on, Policy policy) {
        List<@Nullable String> markets = new ArrayList<>(enrolledMarkets);
        if (markets.isEmpty() || !policy.marketScoped()) {
            // A policy that is not market-scoped answers the same in every market: measure once.
            markets = new ArrayList<>();
            markets.add(
                    enrolledMarkets.isEmpty()
                            ? null
                            : enrolledMarkets.iterator().next());
        }
        boolean pending = false;
        boolean failed = false;
        List<Assessment.Unmet> unmet = new ArrayList<>();
        for (String market : markets) {
            EligibilityResult result = evaluations
                    .check(partner, new Evaluations.Request(on, policy.id(), market))
                    .result();
            failed |= result.outcome() == Outcome.INELIGIBLE;
            pending |= result.outcome() == Outcome.PENDING;
            for (RequirementResult requirement : result.requirements()) {
                if (requirement.level() == Level.REQUIRED && requirement.status() == RequirementStatus.NOT_MET) {
                    unmet.add(new Assessment.Unmet(
                            policy.marketScoped() ? market : null,
                            requirement.code().name(),
                            requirement.reason(),
                            requirement.reasonArguments()));
                }
            }
        }
        Assessment.Outcome outcome = failed ? Assessment.Outcome.FAILED : pending ? null : Assessment.Outcome.PASSED;
        return new Measured(partner, on, policy, markets, outcome, unmet);
    }

    /** Stores the decided measure: one evaluation per market (the figures behind it) and the assessment. */
    Assessment record(Measured measured, Assessment.Occasion occasion) {
        if (measured.outcome() == null) {
            throw new IllegalStateException("an undecided measure is not recorded");
        }
        List<UUID> evaluationIds = new ArrayList<>();
        for (String market : measured.markets()) {
            evaluationIds.add(evaluations
                    .evaluate(
                            measured.partner(),
                            new Evaluations.Request(
                                    measured.on(), measured.policy().id(), market))
                    .id());
        }
        Assessment assessment = new Assessment(
                UUID.randomUUID(),
                measured.partner(),
                measured.on(),
                occasion,
                measured.policy().id(),
                measured.outcome(),
                measured.unmet(),
                evaluationIds,
                clock.instant(),
                Callers.current().username());
        assessments.add(assessment);
        return assessment;
    }
}
