package org.directbill.policy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.directbill.policy.domain.Evaluation;
import org.directbill.shared.web.Localized;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A stored evaluation (api.md, {@code POST /partners/{id}/evaluations}). */
@NamedInterface("responses")
public record EvaluationResponse(
        String id,
        String partnerId,
        String policyId,
        LocalDate asOf,
        @Nullable String market,
        String outcome,
        String inputDigest,
        Instant evaluatedAt,
        String evaluatedBy,
        List<RequirementResultResponse> requirements) {

    public static EvaluationResponse of(Evaluation evaluation, Localized localized) {
        return new EvaluationResponse(
                evaluation.id().toString(),
                evaluation.partnerId().toString(),
                evaluation.policyId(),
                evaluation.asOf(),
                evaluation.market(),
                evaluation.outcome().name(),
                evaluation.inputDigest(),
                evaluation.evaluatedAt(),
                evaluation.evaluatedBy(),
                evaluation.requirements().stream()
                        .map(result -> RequirementResultResponse.of(result, localized))
                        .toList());
    }
}
