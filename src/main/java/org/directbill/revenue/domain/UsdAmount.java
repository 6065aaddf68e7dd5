package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in US dollars at full precision ({@link #exact()}), as the revenue sums it, and its
 * display value rounded to cents half-even ({@link #rounded()}, always two decimals). Only the
 * display value is rounded: each sum is rounded from its own exact value (domain.md, TTM step 6).
 */
public record UsdAmount(BigDecimal exact) {

    public static final UsdAmount ZERO = new UsdAmount(BigDecimal.ZERO);

    public UsdAmount {
        Objects.requireNonNull(exact);
    }

    /** To cents, half-even, with exactly two decimals ({@code 0.00} for nothing). */
    public BigDecimal rounded() {
        return exact.setScale(2, RoundingMode.HALF_EVEN);
    }

    public UsdAmount plus(BigDecimal more) {
        return new UsdAmount(exact.add(more));
    }
}
