package org.directbill.revenue.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.directbill.revenue.FxRatesImported;
import org.directbill.revenue.domain.PublishedUsdRates;
import org.directbill.revenue.domain.ReferenceRates;
import org.directbill.revenue.domain.UsdRate;
import org.directbill.revenue.domain.UsdRates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rate lookup over the stored rates. A currency's history is read once, on first use, and kept
 * in memory (a few thousand dates per currency) until the next import commits.
 */
@Component
class StoredUsdRates implements UsdRates {

    private final ReferenceRates rates;
    private final PublishedUsdRates rule;

    // Replaced whole on each import: a read that began before it fills the old map, which nobody reads again.
    private volatile Map<String, NavigableMap<LocalDate, BigDecimal>> histories = new ConcurrentHashMap<>();

    StoredUsdRates(
            ReferenceRates rates,
            @Value("${directbill.revenue.fx.max-age-days:" + PublishedUsdRates.DEFAULT_MAX_AGE_DAYS + "}")
                    int maxAgeDays) {
        this.rates = rates;
        this.rule = new PublishedUsdRates(this::history, maxAgeDays);
    }

    @Override
    public Optional<UsdRate> on(String currency, LocalDate billingDate) {
        return rule.on(currency, billingDate);
    }

    private NavigableMap<LocalDate, BigDecimal> history(String currency) {
        return histories.computeIfAbsent(currency, rates::history);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void forget(FxRatesImported imported) {
        histories = new ConcurrentHashMap<>();
    }
}
