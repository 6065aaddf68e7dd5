package org.directbill.policy.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.PartnerProfile;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.revenue.domain.RevenueResult;
import org.jspecify.annotations.Nullable;

/**
 * Everything the requirements are checked against, read once for one evaluation.
 *
 * @param partnerId the partner global account
 * @param asOf the date of the evaluation
 * @param market the market applied for (ISO 3166-1 alpha-2), null when none was named
 * @param locations every location of the partner, whatever its status
 * @param profile the declared facts and the facts program staff set
 * @param supportPlans every support plan recorded for the partner
 * @param revenue the partner's revenue counted by the evaluated policy's rules as of {@code asOf};
 *     null when the policy has no TTM_REVENUE requirement
 */
public record Facts(
        PartnerId partnerId,
        LocalDate asOf,
        @Nullable String market,
        List<Location> locations,
        PartnerProfile profile,
        List<SupportPlan> supportPlans,
        @Nullable RevenueResult revenue) {

    public Facts {
        Objects.requireNonNull(partnerId);
        Objects.requireNonNull(asOf);
        locations = List.copyOf(locations);
        Objects.requireNonNull(profile);
        supportPlans = List.copyOf(supportPlans);
    }
}
