package org.directbill.revenue;

import java.util.List;
import java.util.Objects;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.PartnerId;
import org.directbill.revenue.domain.CountingRules;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.revenue.domain.TtmRequirement;
import org.directbill.revenue.domain.UsdAmount;
import org.jspecify.annotations.Nullable;

/**
 * A partner's trailing-twelve-month revenue as of a date, as people and programs see it (api.md,
 * {@code GET /partners/{id}/revenue}).
 *
 * @param partnerId the partner global account
 * @param rules the policy in force on the as-of date, its counting parameters and threshold
 * @param result the figures, exact and rounded for display
 * @param byLocation every location of the partner, whatever its status, with its counted revenue
 *     (zero when it sold nothing that counts), sorted by location ID
 * @param requirement the {@code TTM_REVENUE} verdict against the policy's threshold; {@code null}
 *     when the policy in force has no such requirement
 */
public record RevenueView(
        PartnerId partnerId,
        CountingRules.InForce rules,
        RevenueResult result,
        List<LocationRevenue> byLocation,
        TtmRequirement.@Nullable Evaluation requirement) {

    public RevenueView {
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(rules);
        Objects.requireNonNull(result);
        byLocation = List.copyOf(byLocation);
    }

    public String policyId() {
        return rules.policyId();
    }

    /** One location of the partner and what it counts for. */
    public record LocationRevenue(Location location, UsdAmount amount) {

        public LocationRevenue {
            Objects.requireNonNull(location);
            Objects.requireNonNull(amount);
        }

        public String locationId() {
            return location.locationId();
        }
    }
}
