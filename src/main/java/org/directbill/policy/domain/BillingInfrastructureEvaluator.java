package org.directbill.policy.domain;

import java.util.List;
import java.util.Map;
import org.directbill.partner.domain.PartnerProfile;

/**
 * {@code BILLING_INFRASTRUCTURE}: the partner declares an organization that manages customer billing
 * and provisioning (accounts receivable).
 */
final class BillingInfrastructureEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.BILLING_INFRASTRUCTURE;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        PartnerProfile.BillingInfrastructure billing = facts.profile().billingInfrastructure();
        if (billing == null) {
            return RequirementResult.of(requirement, Reason.NO_BILLING_INFRASTRUCTURE, List.of(), Map.of());
        }
        boolean inPlace = Boolean.TRUE.equals(billing.inPlace());
        return RequirementResult.of(
                requirement,
                inPlace ? Reason.BILLING_IN_PLACE : Reason.BILLING_NOT_IN_PLACE,
                List.of(),
                Map.of("inPlace", inPlace));
    }
}
