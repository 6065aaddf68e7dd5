package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One ECB-style reference rate: on {@code publishedOn}, 1 EUR was worth {@code unitsPerEur} units of
 * {@code currency}. Kept exactly as published, never rounded.
 */
public record ReferenceRate(LocalDate publishedOn, String currency, BigDecimal unitsPerEur) {

    public ReferenceRate {
        Objects.requireNonNull(publishedOn);
        Objects.requireNonNull(unitsPerEur);
        if (!CurrencyCodes.isIso4217(currency)) {
            throw new IllegalArgumentException("not an ISO 4217 code: " + currency);
        }
        if (unitsPerEur.signum() <= 0) {
            throw new IllegalArgumentException("rates are positive");
        }
    }
}
