package org.directbill.policy.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.directbill.revenue.domain.CountingRules;
import org.directbill.revenue.domain.TtmParameters;

/**
 * A published requirement policy: immutable once published, only superseded by a later {@code
 * effectiveFrom} (domain.md, "Requirement policies"). Requirements keep the document's order, and a
 * code appears at most once.
 */
public record Policy(
        String id, String title, LocalDate effectiveFrom, Enforcement enforcement, List<Requirement> requirements) {

    public Policy {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(effectiveFrom);
        Objects.requireNonNull(enforcement);
        requirements = List.copyOf(requirements);
        if (requirements.stream().map(Requirement::code).distinct().count() != requirements.size()) {
            throw new IllegalArgumentException("a requirement code is listed twice in " + id);
        }
    }

    public Optional<Requirement> requirement(RequirementCode code) {
        return requirements.stream().filter(r -> r.code() == code).findFirst();
    }

    /** Whether an evaluation needs a market: its {@code LOCATION_ID} requirement is MARKET-scoped. */
    public boolean marketScoped() {
        return requirement(RequirementCode.LOCATION_ID)
                .map(r -> ((RequirementParameters.LocationScope) r.parameters()).scope()
                        == RequirementParameters.Scope.MARKET)
                .orElse(false);
    }

    public Optional<RequirementParameters.RevenueThreshold> revenueThreshold() {
        return requirement(RequirementCode.TTM_REVENUE)
                .map(r -> (RequirementParameters.RevenueThreshold) r.parameters());
    }

    /** How revenue is counted under this policy: its TTM_REVENUE parameters, or the defaults without one. */
    public CountingRules.InForce countingRules() {
        return revenueThreshold()
                .map(t -> new CountingRules.InForce(id, t.ttmParameters(), Optional.of(t.thresholdUsd())))
                .orElseGet(() -> new CountingRules.InForce(id, TtmParameters.defaults(), Optional.empty()));
    }
}
