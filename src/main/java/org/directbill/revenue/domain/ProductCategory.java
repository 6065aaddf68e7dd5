package org.directbill.revenue.domain;

import java.util.List;
import java.util.Optional;

/**
 * The product category of a ledger line (ledger-format.md, column {@code product_category}): it
 * decides whether the line is cloud revenue (domain.md, TTM step 4).
 */
public enum ProductCategory {
    AZURE_CONSUMPTION,
    AZURE_RESERVATION,
    LICENSE_SUBSCRIPTION,
    MARKETPLACE_SAAS,
    SOFTWARE_SUBSCRIPTION,
    PERPETUAL_SOFTWARE;

    /**
     * The categories counted as cloud revenue when the policy in force names none (the 2018 policy
     * has no {@code TTM_REVENUE} requirement). Perpetual software and software subscriptions are
     * not counted.
     */
    public static final List<ProductCategory> DEFAULT_COUNTED =
            List.of(AZURE_CONSUMPTION, AZURE_RESERVATION, LICENSE_SUBSCRIPTION, MARKETPLACE_SAAS);

    /** The category a ledger or policy names, exactly as written (upper case); empty when unknown. */
    public static Optional<ProductCategory> parse(String code) {
        for (ProductCategory category : values()) {
            if (category.name().equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
