package org.directbill.revenue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.directbill.revenue.domain.UsdRate;
import org.directbill.revenue.domain.UsdRates;

/**
 * The rates of one batch over many partners, each (currency, billing date) looked up once: the
 * partners of a batch share the same few hundred days. Not thread-safe; one batch, one thread.
 */
final class MemoizedUsdRates implements UsdRates {

    private final UsdRates rates;
    private final Map<Key, Optional<UsdRate>> known = new HashMap<>();

    MemoizedUsdRates(UsdRates rates) {
        this.rates = rates;
    }

    @Override
    public Optional<UsdRate> on(String currency, LocalDate billingDate) {
        return known.computeIfAbsent(new Key(currency, billingDate), key -> rates.on(currency, billingDate));
    }

    private record Key(String currency, LocalDate billingDate) {}
}
