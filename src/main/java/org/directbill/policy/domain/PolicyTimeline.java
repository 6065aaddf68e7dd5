package org.directbill.policy.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The published policies in effective order, and which one is in force on a date. */
public record PolicyTimeline(List<Policy> policies) {

    public PolicyTimeline {
        policies = policies.stream()
                .sorted(Comparator.comparing(Policy::effectiveFrom))
                .toList();
    }

    public static PolicyTimeline of(Collection<Policy> policies) {
        return new PolicyTimeline(List.copyOf(policies));
    }

    /** The policy in force on {@code date}: the latest {@code effectiveFrom} on or before it. */
    public Optional<Policy> inForceOn(LocalDate date) {
        Policy inForce = null;
        for (Policy policy : policies) {
            if (policy.effectiveFrom().isAfter(date)) {
                break;
            }
            inForce = policy;
        }
        return Optional.ofNullable(inForce);
    }
}
