package org.directbill.policy.domain;

import java.util.Objects;

/** One requirement of a policy: what is checked, how much it weighs, and its parameters. */
public record Requirement(RequirementCode code, Level level, RequirementParameters parameters) {

    public Requirement {
        Objects.requireNonNull(code);
        Objects.requireNonNull(level);
        Objects.requireNonNull(parameters);
        if (!RequirementParameters.kindOf(code).isInstance(parameters)) {
            throw new IllegalArgumentException(code + " does not take " + parameters);
        }
    }
}
