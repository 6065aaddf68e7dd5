package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;

/**
 * The rate in force on a billing date (domain.md, TTM step 6): from the latest publication on or
 * before that date that has both USD and the currency, so weekends and holidays fall back to the
 * last publication. A publication older than {@code maxAgeDays} before the billing date is too old:
 * the rate is missing. EUR needs only USD per EUR; USD converts at exactly 1.
 */
public final class PublishedUsdRates implements UsdRates {

    public static final int DEFAULT_MAX_AGE_DAYS = 10;

    private static final String USD = "USD";
    private static final String EUR = "EUR";

    private final RateHistory history;
    private final int maxAgeDays;

    public PublishedUsdRates(RateHistory history, int maxAgeDays) {
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("maxAgeDays may not be negative: " + maxAgeDays);
        }
        this.history = Objects.requireNonNull(history);
        this.maxAgeDays = maxAgeDays;
    }

    public int maxAgeDays() {
        return maxAgeDays;
    }

    @Override
    public Optional<UsdRate> on(String currency, LocalDate billingDate) {
        if (USD.equals(currency)) {
            return Optional.of(UsdRate.usd());
        }
        if (!CurrencyCodes.isIso4217(currency)) {
            return Optional.empty();
        }
        LocalDate oldestUsable = billingDate.minusDays(maxAgeDays);
        NavigableMap<LocalDate, BigDecimal> usable =
                history.of(USD).subMap(oldestUsable, true, billingDate, true).descendingMap();
        if (EUR.equals(currency)) {
            return usable.entrySet().stream()
                    .findFirst()
                    .map(usd -> new UsdRate(EUR, usd.getKey(), usd.getValue(), BigDecimal.ONE));
        }
        NavigableMap<LocalDate, BigDecimal> other = history.of(currency);
        for (Map.Entry<LocalDate, BigDecimal> usd : usable.entrySet()) {
            BigDecimal currencyPerEur = other.get(usd.getKey());
            if (currencyPerEur != null) {
                return Optional.of(new UsdRate(currency, usd.getKey(), usd.getValue(), currencyPerEur));
            }
        }
        return Optional.empty();
    }
}
