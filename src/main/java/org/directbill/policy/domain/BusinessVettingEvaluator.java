package org.directbill.policy.domain;

import java.util.List;
import java.util.Map;
import org.directbill.partner.domain.FactStatus;

/**
 * {@code BUSINESS_VETTING}: the company verification program staff carry out during the enrollment
 * review. Not recorded yet is PENDING, like in progress: it waits on staff, so it must not keep an
 * application from being submitted.
 */
final class BusinessVettingEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.BUSINESS_VETTING;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        FactStatus vetting = facts.profile().businessVetting();
        if (vetting == null) {
            return RequirementResult.of(requirement, Reason.VETTING_NOT_RECORDED, List.of(), Map.of());
        }
        Reason reason = switch (vetting) {
            case PASSED -> Reason.VETTING_PASSED;
            case FAILED -> Reason.VETTING_FAILED;
            case PENDING -> Reason.VETTING_IN_PROGRESS;
        };
        return RequirementResult.of(requirement, reason, List.of(), Map.of("status", vetting.name()));
    }
}
