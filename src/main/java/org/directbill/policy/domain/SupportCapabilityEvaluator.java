package org.directbill.policy.domain;

import java.util.List;
import java.util.Map;
import org.directbill.partner.domain.PartnerProfile;

/** {@code SUPPORT_CAPABILITY}: the partner declares it gives first-level cloud support to its customers. */
final class SupportCapabilityEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.SUPPORT_CAPABILITY;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        PartnerProfile.SupportCapability capability = facts.profile().supportCapability();
        if (capability == null) {
            return RequirementResult.of(requirement, Reason.NO_SUPPORT_CAPABILITY, List.of(), Map.of());
        }
        boolean firstLevel = Boolean.TRUE.equals(capability.firstLevelSupport());
        return RequirementResult.of(
                requirement,
                firstLevel ? Reason.FIRST_LEVEL_SUPPORT : Reason.NO_FIRST_LEVEL_SUPPORT,
                List.of(),
                Map.of("firstLevelSupport", firstLevel));
    }
}
