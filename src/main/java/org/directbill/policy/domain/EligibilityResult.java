package org.directbill.policy.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A partner evaluated against a policy: the outcome and each requirement's result, in the policy's
 * order.
 */
public record EligibilityResult(Outcome outcome, List<RequirementResult> requirements) {

    public EligibilityResult {
        Objects.requireNonNull(outcome);
        requirements = List.copyOf(requirements);
    }

    /** The results with the outcome they give ({@link Outcome#of}). */
    public static EligibilityResult of(List<RequirementResult> requirements) {
        return new EligibilityResult(Outcome.of(requirements), requirements);
    }

    public Optional<RequirementResult> requirement(RequirementCode code) {
        return requirements.stream().filter(r -> r.code() == code).findFirst();
    }

    /**
     * The same evaluation for a reader who may not see revenue (domain.md: "Figures of revenue are
     * hidden from roles that may not see revenue"): the {@code TTM_REVENUE} result keeps its status
     * but loses its figures, keeping only the threshold and the window, with a reason that names no
     * amount. The outcome does not change.
     */
    public EligibilityResult withoutRevenueFigures() {
        return new EligibilityResult(
                outcome,
                requirements.stream().map(TtmRevenueEvaluator::withoutFigures).toList());
    }
}
