package org.directbill.revenue.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.directbill.revenue.domain.CurrencyCoverage;
import org.directbill.revenue.domain.ImportCounts;
import org.directbill.revenue.domain.RateMerge;
import org.directbill.revenue.domain.ReferenceRate;
import org.directbill.revenue.domain.ReferenceRates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rates in {@code fx_rate}. Writes go in JDBC batches (JdbcClient has no batch API, hence the
 * JdbcTemplate); new rates are inserted and changed ones updated after the import has read what is
 * stored, which works alike on PostgreSQL and on H2 (no {@code ON CONFLICT} there), and is safe
 * because imports hold the import lock.
 */
@Repository
class JdbcReferenceRates implements ReferenceRates {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    JdbcReferenceRates(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @Override
    public void lockForImport() {
        jdbc.sql("SELECT id FROM fx_import_lock WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .single();
    }

    @Override
    public void startImport(UUID importId, Instant at, String by) {
        jdbc.sql("INSERT INTO fx_import (id, imported_at, imported_by, rows_read, rates_stored, rates_unchanged,"
                        + " rates_replaced) VALUES (?, ?, ?, 0, 0, 0, 0)")
                .params(importId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), by)
                .update();
    }

    @Override
    public void finishImport(UUID importId, ImportCounts counts) {
        jdbc.sql("UPDATE fx_import SET rows_read = ?, rates_stored = ?, rates_unchanged = ?, rates_replaced = ?"
                        + " WHERE id = ?")
                .params(
                        counts.rowsRead(),
                        counts.ratesStored(),
                        counts.ratesUnchanged(),
                        counts.ratesReplaced(),
                        importId)
                .update();
    }

    @Override
    public List<ReferenceRate> publishedOn(Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT published_on, currency, units_per_eur FROM fx_rate WHERE published_on IN (:dates)")
                .param("dates", List.copyOf(dates))
                .query(JdbcReferenceRates::rate)
                .list();
    }

    @Override
    public void add(List<ReferenceRate> rates, UUID importId) {
        batches.batchUpdate(
                "INSERT INTO fx_rate (published_on, currency, units_per_eur, import_id) VALUES (?, ?, ?, ?)",
                rates,
                rates.size(),
                (statement, rate) -> {
                    statement.setObject(1, rate.publishedOn(), Types.DATE);
                    statement.setString(2, rate.currency());
                    statement.setBigDecimal(3, rate.unitsPerEur());
                    statement.setObject(4, importId);
                });
    }

    @Override
    public void replace(List<ReferenceRate> rates, UUID importId) {
        batches.batchUpdate(
                "UPDATE fx_rate SET units_per_eur = ?, import_id = ? WHERE published_on = ? AND currency = ?",
                rates,
                rates.size(),
                (statement, rate) -> {
                    statement.setBigDecimal(1, rate.unitsPerEur());
                    statement.setObject(2, importId);
                    statement.setObject(3, rate.publishedOn(), Types.DATE);
                    statement.setString(4, rate.currency());
                });
    }

    @Override
    public NavigableMap<LocalDate, BigDecimal> history(String currency) {
        NavigableMap<LocalDate, BigDecimal> history = new TreeMap<>();
        jdbc.sql("SELECT published_on, units_per_eur FROM fx_rate WHERE currency = ? ORDER BY published_on")
                .param(currency)
                .query(rs -> {
                    history.put(
                            rs.getObject("published_on", LocalDate.class), plain(rs.getBigDecimal("units_per_eur")));
                });
        return Collections.unmodifiableNavigableMap(history);
    }

    @Override
    public List<CurrencyCoverage.Span> spans() {
        return jdbc.sql("SELECT currency, MIN(published_on) AS first_on, MAX(published_on) AS last_on,"
                        + " COUNT(*) AS publications FROM fx_rate GROUP BY currency ORDER BY currency")
                .query((rs, row) -> new CurrencyCoverage.Span(
                        rs.getString("currency").strip(),
                        rs.getObject("first_on", LocalDate.class),
                        rs.getObject("last_on", LocalDate.class),
                        rs.getLong("publications")))
                .list();
    }

    @Override
    public List<CurrencyCoverage.Silence> silencesLongerThan(int quietDays) {
        // Each publication with the one before it, kept when more than quietDays days lie between.
        return jdbc.sql("SELECT currency, previous_on, published_on FROM ("
                        + " SELECT currency, published_on,"
                        + " LAG(published_on) OVER (PARTITION BY currency ORDER BY published_on) AS previous_on"
                        + " FROM fx_rate) runs"
                        + " WHERE previous_on IS NOT NULL AND published_on > previous_on + INTERVAL '"
                        + (quietDays + 1) + "' DAY"
                        + " ORDER BY currency, published_on")
                .query((rs, row) -> new CurrencyCoverage.Silence(
                        rs.getString("currency").strip(),
                        rs.getObject("previous_on", LocalDate.class),
                        rs.getObject("published_on", LocalDate.class)))
                .list();
    }

    private static ReferenceRate rate(ResultSet rs, int row) throws SQLException {
        return new ReferenceRate(
                rs.getObject("published_on", LocalDate.class),
                rs.getString("currency").strip(),
                plain(rs.getBigDecimal("units_per_eur")));
    }

    /** NUMERIC(38, 18) pads with zeros: give the value back as it was written. */
    private static BigDecimal plain(BigDecimal stored) {
        return new BigDecimal(RateMerge.plain(stored));
    }
}
