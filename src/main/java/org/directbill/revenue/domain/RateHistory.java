package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Every published rate of one currency, in units per 1 EUR by publication date; empty when none. */
@FunctionalInterface
public interface RateHistory {

    NavigableMap<LocalDate, BigDecimal> of(String currency);

    /** A history held in memory, e.g. the rates of one file. */
    static RateHistory of(Iterable<ReferenceRate> rates) {
        Map<String, NavigableMap<LocalDate, BigDecimal>> byCurrency = new HashMap<>();
        for (ReferenceRate rate : rates) {
            byCurrency
                    .computeIfAbsent(rate.currency(), currency -> new TreeMap<>())
                    .put(rate.publishedOn(), rate.unitsPerEur());
        }
        byCurrency.replaceAll((currency, dates) -> Collections.unmodifiableNavigableMap(dates));
        return currency -> byCurrency.getOrDefault(currency, Collections.emptyNavigableMap());
    }
}
