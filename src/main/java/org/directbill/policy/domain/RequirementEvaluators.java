package org.directbill.policy.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one evaluator of each requirement code. */
public final class RequirementEvaluators {

    private static final Map<RequirementCode, RequirementEvaluator> BY_CODE = byCode(List.of(
            new LocationIdEvaluator(),
            new EndorsementEvaluator(),
            new SupportCapabilityEvaluator(),
            new SupportPlanEvaluator(),
            new BillingInfrastructureEvaluator(),
            new ManagedServiceEvaluator(),
            new TtmRevenueEvaluator(),
            new IndirectTenureEvaluator(),
            new BusinessVettingEvaluator(),
            new OperationalAssessmentEvaluator(),
            new SecurityScoreEvaluator(),
            new SolutionsDesignationEvaluator()));

    private RequirementEvaluators() {}

    public static RequirementEvaluator of(RequirementCode code) {
        return BY_CODE.get(code);
    }

    private static Map<RequirementCode, RequirementEvaluator> byCode(List<RequirementEvaluator> evaluators) {
        Map<RequirementCode, RequirementEvaluator> byCode = new EnumMap<>(RequirementCode.class);
        for (RequirementEvaluator evaluator : evaluators) {
            if (byCode.put(evaluator.code(), evaluator) != null) {
                throw new IllegalStateException("two evaluators of " + evaluator.code());
            }
        }
        if (byCode.size() != RequirementCode.values().length) {
            throw new IllegalStateException("a requirement code has no evaluator");
        }
        return byCode;
    }
}
