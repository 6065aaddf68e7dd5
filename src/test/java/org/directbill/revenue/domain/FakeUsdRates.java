package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rates written by hand: one rate per currency on every date, except the (currency, date) said missing. */
final class FakeUsdRates implements UsdRates {

    static final LocalDate PUBLISHED = LocalDate.of(2019, 1, 2);

    private final Map<String, UsdRate> rates = new HashMap<>();
    private final Set<String> missing = new HashSet<>();

    /** {@code usdPerEur} and {@code currencyPerEur} as the ECB publishes them (units per 1 EUR). */
    FakeUsdRates with(String currency, String usdPerEur, String currencyPerEur) {
        rates.put(
                currency, new UsdRate(currency, PUBLISHED, new BigDecimal(usdPerEur), new BigDecimal(currencyPerEur)));
        return this;
    }

    FakeUsdRates missingOn(String currency, LocalDate date) {
        missing.add(currency + "@" + date);
        return this;
    }

    @Override
    public Optional<UsdRate> on(String currency, LocalDate billingDate) {
        if (missing.contains(currency + "@" + billingDate)) {
            return Optional.empty();
        }
        return Optional.ofNullable(rates.get(currency));
    }
}
