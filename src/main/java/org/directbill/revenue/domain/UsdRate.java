package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one currency converts to US dollars on a billing date, from one ECB publication: both
 * {@code usdPerEur} and {@code currencyPerEur} come from the same publication date. USD itself
 * converts at exactly 1, with no publication.
 */
public record UsdRate(
        String currency, @Nullable LocalDate publishedOn, BigDecimal usdPerEur, BigDecimal currencyPerEur) {

    /** At least 30 significant digits, as domain.md asks; rates themselves are never rounded. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    public UsdRate {
        Objects.requireNonNull(currency);
        Objects.requireNonNull(usdPerEur);
        Objects.requireNonNull(currencyPerEur);
        if (usdPerEur.signum() <= 0 || currencyPerEur.signum() <= 0) {
            throw new IllegalArgumentException("rates are positive");
        }
    }

    public static UsdRate usd() {
        return new UsdRate("USD", null, BigDecimal.ONE, BigDecimal.ONE);
    }

    /** amount × (USD per EUR) ÷ (currency per EUR), dividing last, at full precision. */
    public BigDecimal toUsd(BigDecimal amount) {
        if ("USD".equals(currency)) {
            return amount;
        }
        if (currencyPerEur.equals(BigDecimal.ONE)) {
            // EUR (and any rate of exactly 1): dividing by one changes nothing, not even the scale, but
            // BigDecimal would compute 34 digits and strip the zeros one by one, the bulk of the time
            // of computing every partner's revenue at once.
            return amount.multiply(usdPerEur, PRECISION);
        }
        return amount.multiply(usdPerEur, PRECISION).divide(currencyPerEur, PRECISION);
    }
}
