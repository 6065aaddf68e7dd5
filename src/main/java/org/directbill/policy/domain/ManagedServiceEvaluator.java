package org.directbill.policy.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.directbill.partner.domain.PartnerProfile;

/** {@code MANAGED_SERVICE}: at least one managed service, IP service or customer solution declared. */
final class ManagedServiceEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.MANAGED_SERVICE;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        List<String> names = facts.profile().managedServices().stream()
                .filter(Objects::nonNull)
                .map(PartnerProfile.ManagedService::name)
                .filter(Objects::nonNull)
                .toList();
        if (names.isEmpty()) {
            return RequirementResult.of(requirement, Reason.NO_MANAGED_SERVICE, List.of(), Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", names.size());
        details.put("names", names);
        return RequirementResult.of(
                requirement,
                Reason.MANAGED_SERVICES_DECLARED,
                List.of(String.valueOf(names.size()), Figures.list(names)),
                details);
    }
}
