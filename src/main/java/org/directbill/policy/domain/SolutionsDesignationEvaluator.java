package org.directbill.policy.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code SOLUTIONS_DESIGNATION}: at least one Solutions Partner designation held. */
final class SolutionsDesignationEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.SOLUTIONS_DESIGNATION;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        List<String> designations =
                facts.profile().designations().stream().filter(Objects::nonNull).toList();
        if (designations.isEmpty()) {
            return RequirementResult.of(requirement, Reason.NO_DESIGNATION, List.of(), Map.of());
        }
        return RequirementResult.of(
                requirement,
                Reason.DESIGNATIONS_HELD,
                List.of(Figures.list(designations)),
                Map.of("designations", designations));
    }
}
