package org.directbill.policy.domain;

import java.util.List;
import java.util.Map;

/**
 * {@code SECURITY_SCORE}: the mandatory security-score requirements complete. Incomplete is NOT_MET
 * (the partner completes them); not reported yet is PENDING.
 */
final class SecurityScoreEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.SECURITY_SCORE;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        Boolean complete = facts.profile().securityScoreMandatoryComplete();
        if (complete == null) {
            return RequirementResult.of(requirement, Reason.SECURITY_SCORE_NOT_REPORTED, List.of(), Map.of());
        }
        return RequirementResult.of(
                requirement,
                complete ? Reason.SECURITY_SCORE_COMPLETE : Reason.SECURITY_SCORE_INCOMPLETE,
                List.of(),
                Map.of("mandatoryComplete", complete));
    }
}
