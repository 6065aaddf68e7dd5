package org.directbill.enrollment.domain;

import java.util.List;
import org.directbill.policy.domain.RequirementResult;
import org.directbill.shared.problem.RuleViolation;

/** 422: a step needs requirements that are not met; the results say which and why. */
public class RequirementsNotMet extends RuleViolation {

    private final transient List<RequirementResult> unmet;

    public RequirementsNotMet(List<RequirementResult> unmet) {
        super("REQUIREMENTS_NOT_MET", unmet.size());
        this.unmet = List.copyOf(unmet);
    }

    public List<RequirementResult> unmet() {
        return unmet;
    }
}
