package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How revenue is counted on a date, as the requirement policy in force then says (domain.md,
 * "Requirement policies"): which policy, the window, refresh day and counted categories of its
 * {@code TTM_REVENUE} requirement, and its threshold when it has one. The {@code policy} module
 * implements it; revenue only asks (architecture.md: the lower module defines the interface).
 */
public interface CountingRules {

    /** The rules of the policy in force on {@code asOf}: the latest {@code effectiveFrom} on or before it. */
    InForce on(LocalDate asOf);

    /**
     * What a policy says about counting revenue.
     *
     * @param policyId the policy in force, recorded with every figure computed under it
     * @param parameters the window, refresh day and counted categories; a policy without a {@code
     *     TTM_REVENUE} requirement (2018) counts with {@link TtmParameters#defaults()}
     * @param thresholdUsd the {@code TTM_REVENUE} threshold in US dollars, empty when the policy has
     *     no such requirement
     */
    record InForce(String policyId, TtmParameters parameters, Optional<BigDecimal> thresholdUsd) {

        public InForce {
            Objects.requireNonNull(policyId);
            Objects.requireNonNull(parameters);
            Objects.requireNonNull(thresholdUsd);
        }

        /** The requirement to evaluate the revenue against, when the policy has one. */
        public Optional<TtmRequirement> requirement() {
            return thresholdUsd.map(TtmRequirement::new);
        }
    }
}
