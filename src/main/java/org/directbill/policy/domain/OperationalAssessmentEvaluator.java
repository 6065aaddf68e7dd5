package org.directbill.policy.domain;

import java.util.List;
import java.util.Map;
import org.directbill.partner.domain.FactStatus;

/**
 * {@code OPERATIONAL_ASSESSMENT}: the automated assessment of billing, provisioning, compliance,
 * support and security capabilities. Not recorded yet is PENDING, like in progress: the partner
 * does not run it.
 */
final class OperationalAssessmentEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.OPERATIONAL_ASSESSMENT;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        FactStatus assessment = facts.profile().operationalAssessment();
        if (assessment == null) {
            return RequirementResult.of(requirement, Reason.ASSESSMENT_NOT_RECORDED, List.of(), Map.of());
        }
        Reason reason = switch (assessment) {
            case PASSED -> Reason.ASSESSMENT_PASSED;
            case FAILED -> Reason.ASSESSMENT_FAILED;
            case PENDING -> Reason.ASSESSMENT_IN_PROGRESS;
        };
        return RequirementResult.of(requirement, reason, List.of(), Map.of("status", assessment.name()));
    }
}
