package org.directbill.policy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * A stored evaluation: the answer a partner got against a policy on a date, kept unchanged for
 * ever (domain.md: "asked again later, it shows the same answer and why").
 *
 * @param inputDigest the SHA-256 (hex) of the facts it read, so that two evaluations can be told to
 *     have read the same facts, and a stored one checked against what it says it read
 */
public record Evaluation(
        UUID id,
        PartnerId partnerId,
        String policyId,
        LocalDate asOf,
        @Nullable String market,
        Outcome outcome,
        List<RequirementResult> requirements,
        String inputDigest,
        Instant evaluatedAt,
        String evaluatedBy) {

    public Evaluation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(policyId);
        Objects.requireNonNull(asOf);
        Objects.requireNonNull(outcome);
        requirements = List.copyOf(requirements);
        Objects.requireNonNull(inputDigest);
        Objects.requireNonNull(evaluatedAt);
        Objects.requireNonNull(evaluatedBy);
    }

    public EligibilityResult result() {
        return new EligibilityResult(outcome, requirements);
    }

    /** The same evaluation showing other results, e.g. without the revenue figures. */
    public Evaluation withRequirements(List<RequirementResult> shown) {
        return new Evaluation(
                id, partnerId, policyId, asOf, market, outcome, shown, inputDigest, evaluatedAt, evaluatedBy);
    }
}
