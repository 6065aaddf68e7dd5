package org.directbill.policy.domain;

import java.util.List;

/** Evaluates a partner's facts against a policy: each requirement by its evaluator, in the policy's order. */
public final class Eligibility {

    private Eligibility() {}

    /**
     * @throws IllegalArgumentException when the facts lack what the policy needs: a market for a
     *     MARKET-scoped {@code LOCATION_ID}, the revenue (as of the same date, over the requirement's
     *     window) for {@code TTM_REVENUE}. The caller checks these first.
     */
    public static EligibilityResult evaluate(Policy policy, Facts facts) {
        List<RequirementResult> results = policy.requirements().stream()
                .map(requirement -> RequirementEvaluators.of(requirement.code()).evaluate(requirement, facts))
                .toList();
        return EligibilityResult.of(results);
    }
}
