package org.directbill.compliance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.directbill.partner.domain.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * An assessment that decided: the partner measured on a date against the policy in force then, in
 * every market where it is enrolled, and each REQUIRED requirement it did not meet. A run repeated
 * for the same date finds it made (one per partner, date and occasion).
 *
 * @param evaluationIds the evaluations stored by the policy module, one per market, with every figure
 */
public record Assessment(
        UUID id,
        PartnerId partnerId,
        LocalDate assessedOn,
        Occasion occasion,
        String policyId,
        Outcome outcome,
        List<Unmet> unmet,
        List<UUID> evaluationIds,
        Instant recordedAt,
        String recordedBy) {

    /** Why the partner was measured. */
    public enum Occasion {
        /** The yearly assessment on the anniversary of its first activation. */
        ANNIVERSARY,
        /** On its support plan's renewal date (policies measuring at SUPPORT_RENEWAL). */
        SUPPORT_RENEWAL,
        /** A program admin's run assessing every ACTIVE partner (a new policy took effect). */
        ON_DEMAND,
        /** An AT_RISK partner measured again: met by its cure deadline, or not. */
        CURE_CHECK
    }

    public enum Outcome {
        PASSED,
        FAILED
    }

    /**
     * A REQUIRED requirement not met, with the policy module's reason ({@code requirement.reason.<reason>}).
     *
     * @param market the market it was measured for (null for a policy that is not market-scoped)
     */
    public record Unmet(@Nullable String market, String code, String reason, List<String> reasonArguments) {
        public Unmet {
            Objects.requireNonNull(code);
            Objects.requireNonNull(reason);
            reasonArguments = List.copyOf(reasonArguments);
        }
    }

    /**
     * The same assessment for a reader who may not see revenue (domain.md: "Figures of revenue are
     * hidden from roles that may not see revenue"): the revenue requirement keeps its place but
     * names the threshold only, as the policy module's evaluations do.
     */
    public Assessment withoutRevenueFigures() {
        List<Unmet> shown = unmet.stream()
                .map(each -> !REVENUE.equals(each.code()) || each.reason().startsWith(HIDDEN_PREFIX)
                        ? each
                        : new Unmet(
                                each.market(),
                                each.code(),
                                HIDDEN_PREFIX + "NOT_MET",
                                // The revenue reasons name the partner's total first, then the threshold.
                                each.reasonArguments().size() > 1
                                        ? List.of(each.reasonArguments().get(1))
                                        : List.of("")))
                .toList();
        return new Assessment(
                id, partnerId, assessedOn, occasion, policyId, outcome, shown, evaluationIds, recordedAt, recordedBy);
    }

    private static final String REVENUE = "TTM_REVENUE";
    private static final String HIDDEN_PREFIX = "REVENUE_HIDDEN_";

    public Assessment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(assessedOn);
        Objects.requireNonNull(occasion);
        Objects.requireNonNull(policyId);
        Objects.requireNonNull(outcome);
        unmet = List.copyOf(unmet);
        evaluationIds = List.copyOf(evaluationIds);
        Objects.requireNonNull(recordedAt);
        Objects.requireNonNull(recordedBy);
    }
}
