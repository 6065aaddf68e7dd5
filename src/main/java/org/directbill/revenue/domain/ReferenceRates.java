package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.UUID;

/** The stored reference rates and the record of the imports that brought them. */
public interface ReferenceRates {

    /** Waits until no other import is running, and keeps others waiting until this transaction ends. */
    void lockForImport();

    void startImport(UUID importId, Instant at, String by);

    void finishImport(UUID importId, ImportCounts counts);

    /** Every stored rate published on one of these dates. */
    List<ReferenceRate> publishedOn(Collection<LocalDate> dates);

    void add(List<ReferenceRate> rates, UUID importId);

    void replace(List<ReferenceRate> rates, UUID importId);

    /** Every rate of one currency by publication date, without trailing zeros. */
    NavigableMap<LocalDate, BigDecimal> history(String currency);

    /** Per currency, by currency code. */
    List<CurrencyCoverage.Span> spans();

    /** Consecutive publications of a currency more than {@code quietDays} days apart, at least. */
    List<CurrencyCoverage.Silence> silencesLongerThan(int quietDays);
}
