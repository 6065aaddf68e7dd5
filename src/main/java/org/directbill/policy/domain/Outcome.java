package org.directbill.policy.domain;

import java.util.Collection;

/** The verdict over every requirement of a policy (domain.md, "Requirement policies"). */
public enum Outcome {
    ELIGIBLE,
    INELIGIBLE,
    PENDING;

    /**
     * ELIGIBLE when every REQUIRED requirement is MET or NOT_APPLICABLE, INELIGIBLE when any REQUIRED
     * one is NOT_MET, else PENDING. RECOMMENDED ones never count.
     */
    public static Outcome of(Collection<RequirementResult> results) {
        boolean pending = false;
        for (RequirementResult result : results) {
            if (result.level() != Level.REQUIRED) {
                continue;
            }
            switch (result.status()) {
                case NOT_MET -> {
                    return INELIGIBLE;
                }
                case PENDING -> pending = true;
                case MET, NOT_APPLICABLE -> {}
            }
        }
        return pending ? PENDING : ELIGIBLE;
    }
}
