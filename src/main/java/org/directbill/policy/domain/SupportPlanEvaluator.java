package org.directbill.policy.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.directbill.partner.domain.SupportPlan;

/**
 * {@code SUPPORT_PLAN}: an ASfP or PSfP plan active on the evaluation date, from its purchase to its
 * renewal date, both included (domain.md, "Dates and boundaries"). Without one it is NOT_MET, and the
 * reason says why: no plan recorded, a plan that starts later (the first to start is named), or only
 * plans past their renewal date (the one renewing last is named).
 */
final class SupportPlanEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.SUPPORT_PLAN;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        List<SupportPlan> plans = facts.supportPlans();
        if (plans.isEmpty()) {
            return RequirementResult.of(requirement, Reason.NO_SUPPORT_PLAN, List.of(), Map.of());
        }
        LocalDate asOf = facts.asOf();
        Optional<SupportPlan> active =
                plans.stream().filter(plan -> plan.isActiveOn(asOf)).max(Comparator.comparing(SupportPlan::renewsOn));
        if (active.isPresent()) {
            return result(
                    requirement,
                    Reason.SUPPORT_PLAN_ACTIVE,
                    active.get(),
                    "renewsOn",
                    active.get().renewsOn());
        }
        // A plan still to start is what the partner waits for; it says more than an old one that lapsed.
        Optional<SupportPlan> upcoming = plans.stream()
                .filter(plan -> plan.purchasedOn().isAfter(asOf))
                .min(Comparator.comparing(SupportPlan::purchasedOn));
        if (upcoming.isPresent()) {
            return result(
                    requirement,
                    Reason.SUPPORT_PLAN_NOT_STARTED,
                    upcoming.get(),
                    "purchasedOn",
                    upcoming.get().purchasedOn());
        }
        SupportPlan last =
                plans.stream().max(Comparator.comparing(SupportPlan::renewsOn)).orElseThrow();
        return result(requirement, Reason.SUPPORT_PLAN_EXPIRED, last, "renewsOn", last.renewsOn());
    }

    private static RequirementResult result(
            Requirement requirement, Reason reason, SupportPlan plan, String dateName, LocalDate date) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", plan.type().name());
        details.put("contractId", plan.contractId());
        details.put(dateName, date.toString());
        return RequirementResult.of(
                requirement, reason, List.of(plan.type().name(), plan.contractId(), date.toString()), details);
    }
}
