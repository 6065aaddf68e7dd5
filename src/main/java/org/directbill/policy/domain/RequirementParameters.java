package org.directbill.policy.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.TtmParameters;

/**
 * The typed parameters of one requirement; which kind a code takes is fixed ({@link #kindOf}). A
 * policy document's parameters are validated into one of these, omitted ones taking the defaults
 * of domain.md, and {@link #asMap()} gives them back complete, as the API shows them.
 */
public sealed interface RequirementParameters {

    /** Every parameter with its value, in document order; money as plain decimal strings. */
    Map<String, Object> asMap();

    /** A requirement that takes no parameter. */
    record None() implements RequirementParameters {
        @Override
        public Map<String, Object> asMap() {
            return Map.of();
        }
    }

    /** Which locations count for {@code LOCATION_ID}. */
    enum Scope {
        /** Any ACTIVE location of the partner (the business location, 2018). */
        ANY,
        /** An ACTIVE location whose country is the market applied for (2020 and later). */
        MARKET
    }

    /** {@code LOCATION_ID}: {@code scope}, MARKET when omitted. */
    record LocationScope(Scope scope) implements RequirementParameters {
        public static final LocationScope DEFAULT = new LocationScope(Scope.MARKET);

        public LocationScope {
            Objects.requireNonNull(scope);
        }

        @Override
        public Map<String, Object> asMap() {
            return Map.of("scope", scope.name());
        }
    }

    /**
     * {@code TTM_REVENUE}: {@code thresholdUsd} (300000), {@code windowMonths} (12), {@code
     * refreshDay} (8), {@code countedCategories} (the four cloud categories).
     */
    record RevenueThreshold(
            BigDecimal thresholdUsd, int windowMonths, int refreshDay, List<ProductCategory> countedCategories)
            implements RequirementParameters {

        public static final BigDecimal DEFAULT_THRESHOLD_USD = new BigDecimal("300000");

        public RevenueThreshold {
            Objects.requireNonNull(thresholdUsd);
            countedCategories = List.copyOf(countedCategories);
        }

        public TtmParameters ttmParameters() {
            return TtmParameters.of(windowMonths, refreshDay, countedCategories);
        }

        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("thresholdUsd", thresholdUsd.toPlainString());
            map.put("windowMonths", windowMonths);
            map.put("refreshDay", refreshDay);
            map.put(
                    "countedCategories",
                    countedCategories.stream().map(ProductCategory::name).toList());
            return map;
        }
    }

    /** {@code INDIRECT_TENURE}: {@code months} (12) as an indirect reseller. */
    record Tenure(int months) implements RequirementParameters {
        public static final Tenure DEFAULT = new Tenure(12);

        @Override
        public Map<String, Object> asMap() {
            return Map.of("months", months);
        }
    }

    /** The kind of parameters a code takes. */
    static Class<? extends RequirementParameters> kindOf(RequirementCode code) {
        return switch (code) {
            case LOCATION_ID -> LocationScope.class;
            case TTM_REVENUE -> RevenueThreshold.class;
            case INDIRECT_TENURE -> Tenure.class;
            default -> None.class;
        };
    }
}
