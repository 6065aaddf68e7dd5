package org.directbill.enrollment.domain;

import java.util.List;
import org.directbill.policy.domain.Level;
import org.directbill.policy.domain.RequirementCode;
import org.directbill.policy.domain.RequirementResult;
import org.directbill.policy.domain.RequirementStatus;

/** Which requirements stop an enrollment at submission and at activation (domain.md, steps 2 and 7). */
public final class Gates {

    private Gates() {}

    /**
     * Submission is refused by a REQUIRED requirement that is NOT_MET, except the support plan, which
     * the flow itself fulfils after credit approval. PENDING is no refusal: the review settles it.
     */
    public static List<RequirementResult> blockingSubmission(List<RequirementResult> results) {
        return results.stream()
                .filter(result -> result.level() == Level.REQUIRED)
                .filter(result -> result.status() == RequirementStatus.NOT_MET)
                .filter(result -> result.code() != RequirementCode.SUPPORT_PLAN)
                .toList();
    }

    /** Activation needs every REQUIRED requirement MET: NOT_MET and PENDING both stop it. */
    public static List<RequirementResult> blockingActivation(List<RequirementResult> results) {
        return results.stream()
                .filter(result -> result.level() == Level.REQUIRED)
                .filter(result ->
                        result.status() != RequirementStatus.MET && result.status() != RequirementStatus.NOT_APPLICABLE)
                .toList();
    }
}
