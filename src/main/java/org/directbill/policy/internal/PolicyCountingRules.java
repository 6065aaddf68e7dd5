package org.directbill.policy.internal;

import java.time.LocalDate;
import java.util.List;
import org.directbill.policy.domain.Policy;
import org.directbill.policy.domain.PolicyTimeline;
import org.directbill.revenue.domain.CountingRules;
import org.springframework.stereotype.Component;

/**
 * How revenue is counted on a date: by the {@code TTM_REVENUE} requirement of the policy in force
 * then ({@link Policy#countingRules()}), so that the same figures carry the threshold of their date
 * (300,000 USD under {@code csp-direct-2020}, 1,000,000 under {@code csp-direct-fy26}). Before the
 * first policy (before 2018-08-31 with the built-ins) the earliest policy's rules apply: revenue of
 * such a date is still shown, counted as the program first counted it, rather than refused.
 */
@Component
class PolicyCountingRules implements CountingRules {

    private final PolicyCatalog catalog;

    PolicyCountingRules(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public InForce on(LocalDate asOf) {
        PolicyTimeline timeline = catalog.timeline();
        List<Policy> policies = timeline.policies();
        if (policies.isEmpty()) {
            throw new IllegalStateException("no policy is stored: the built-in policies load at start");
        }
        return timeline.inForceOn(asOf).orElse(policies.get(0)).countingRules();
    }
}
