package org.directbill.policy.domain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.directbill.partner.domain.Location;
import org.directbill.partner.domain.MembershipStatus;
import org.jspecify.annotations.Nullable;

/**
 * {@code LOCATION_ID}: an ACTIVE location, any of the partner's (scope ANY, the business location of
 * 2018) or one whose country is the market applied for (scope MARKET). Without one, a location that
 * would qualify and whose membership awaits approval makes it PENDING (someone else decides);
 * otherwise it is NOT_MET, saying whether the partner has no location at all, none in the market,
 * or only SUSPENDED or REJECTED ones.
 */
final class LocationIdEvaluator implements RequirementEvaluator {

    @Override
    public RequirementCode code() {
        return RequirementCode.LOCATION_ID;
    }

    @Override
    public RequirementResult evaluate(Requirement requirement, Facts facts) {
        RequirementParameters.Scope scope = ((RequirementParameters.LocationScope) requirement.parameters()).scope();
        List<Location> all = facts.locations().stream()
                .sorted(Comparator.comparing(Location::locationId))
                .toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", scope.name());
        String market = null;
        List<Location> candidates = all;
        if (scope == RequirementParameters.Scope.MARKET) {
            market = requireMarket(facts.market());
            String applied = market;
            candidates = all.stream()
                    .filter(location -> location.country().equalsIgnoreCase(applied))
                    .toList();
            details.put("market", market);
        }

        List<String> active = ids(candidates.stream().filter(Location::isActive).toList());
        if (!active.isEmpty()) {
            details.put("locationIds", active);
            return market == null
                    ? RequirementResult.of(requirement, Reason.LOCATION_ACTIVE, List.of(Figures.list(active)), details)
                    : RequirementResult.of(
                            requirement,
                            Reason.LOCATION_ACTIVE_IN_MARKET,
                            List.of(market, Figures.list(active)),
                            details);
        }

        List<String> awaiting = ids(candidates.stream()
                .filter(location -> location.membershipStatus() == MembershipStatus.PENDING)
                .toList());
        if (!awaiting.isEmpty()) {
            details.put("locationIds", awaiting);
            return market == null
                    ? RequirementResult.of(
                            requirement, Reason.LOCATION_AWAITING_APPROVAL, List.of(Figures.list(awaiting)), details)
                    : RequirementResult.of(
                            requirement,
                            Reason.LOCATION_AWAITING_APPROVAL_IN_MARKET,
                            List.of(market, Figures.list(awaiting)),
                            details);
        }

        if (all.isEmpty()) {
            return RequirementResult.of(requirement, Reason.NO_LOCATION, List.of(), details);
        }
        if (candidates.isEmpty()) {
            List<String> countries =
                    all.stream().map(Location::country).distinct().sorted().toList();
            details.put("countries", countries);
            return RequirementResult.of(
                    requirement, Reason.NO_LOCATION_IN_MARKET, List.of(market, Figures.list(countries)), details);
        }

        List<String> inactive = ids(candidates);
        List<String> statuses = candidates.stream()
                .map(Location::membershipStatus)
                .distinct()
                .sorted()
                .map(MembershipStatus::name)
                .toList();
        details.put("locationIds", inactive);
        details.put("membershipStatuses", statuses);
        return market == null
                ? RequirementResult.of(
                        requirement,
                        Reason.LOCATION_NOT_ACTIVE,
                        List.of(Figures.list(inactive), Figures.list(statuses)),
                        details)
                : RequirementResult.of(
                        requirement,
                        Reason.LOCATION_NOT_ACTIVE_IN_MARKET,
                        List.of(market, Figures.list(inactive), Figures.list(statuses)),
                        details);
    }

    private static String requireMarket(@Nullable String market) {
        if (market == null || market.isBlank()) {
            // The service refuses a MARKET-scoped evaluation without a market (400) before it gets here.
            throw new IllegalArgumentException("a MARKET-scoped LOCATION_ID is evaluated for a market");
        }
        return market.toUpperCase(Locale.ROOT);
    }

    private static List<String> ids(List<Location> locations) {
        return locations.stream().map(Location::locationId).toList();
    }
}
