package org.directbill.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ledger lines for tests, written straight into {@code ledger_line} and added to their rollups as an
 * import would, until the ledger import exists. Ids are unique per call, as the tests share one
 * database.
 */
public final class LedgerLines {

    private final JdbcClient jdbc;
    private final LedgerRollups rollups;

    public LedgerLines(JdbcClient jdbc, LedgerRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /** A sale to write: change what a test cares about, keep the rest. */
    public record Line(
            String lineId,
            String invoiceId,
            String locationId,
            String category,
            LocalDate billingDate,
            @Nullable LocalDate paidDate,
            String amount,
            String currency) {

        public Line invoice(String invoice) {
            return new Line(lineId, invoice, locationId, category, billingDate, paidDate, amount, currency);
        }

        public Line amount(String value, String inCurrency) {
            return new Line(lineId, invoiceId, locationId, category, billingDate, paidDate, value, inCurrency);
        }

        public Line paid(@Nullable LocalDate on) {
            return new Line(lineId, invoiceId, locationId, category, billingDate, on, amount, currency);
        }
    }

    /** A paid Azure sale of 100 EUR at a location, on an invoice of its own. */
    public static Line sale(String locationId) {
        return new Line(
                Fixtures.unique("L-"),
                Fixtures.unique("INV-"),
                locationId,
                "AZURE_CONSUMPTION",
                LocalDate.parse("2025-03-14"),
                LocalDate.parse("2025-04-01"),
                "100.00",
                "EUR");
    }

    /** Writes the lines and adds them to their rollups; returns their ids in order. */
    public List<String> add(Line... lines) {
        for (Line line : lines) {
            jdbc.sql("INSERT INTO ledger_line (line_id, invoice_id, location_id, customer_id, product_category,"
                            + " product_name, billing_date, paid_date, amount, currency, import_id)"
                            + " VALUES (?, ?, ?, 'CUST-1', ?, 'Cloud product', ?, ?, ?, ?, ?)")
                    .params(
                            line.lineId(),
                            line.invoiceId(),
                            line.locationId(),
                            line.category(),
                            line.billingDate(),
                            line.paidDate(),
                            new BigDecimal(line.amount()),
                            line.currency(),
                            UUID.randomUUID())
                    .update();
            rollups.add("l.line_id = :line", Map.of("line", line.lineId()));
        }
        return java.util.Arrays.stream(lines).map(Line::lineId).toList();
    }

    /** Writes one paid sale of 100 EUR at the location and returns its id. */
    public String addSale(String locationId) {
        return add(sale(locationId)).get(0);
    }

    /** Where a line stands in the ledger itself. */
    public String verification(String lineId) {
        return jdbc.sql("SELECT verification FROM ledger_line WHERE line_id = ?")
                .param(lineId)
                .query(String.class)
                .single();
    }

    /** The number of lines of these locations in each verification state, as the rollups count them. */
    public Map<String, Long> rolledUpLinesByState(String... locationIds) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT verification, SUM(lines) AS n FROM ledger_rollup WHERE location_id IN (:locations)"
                        + " GROUP BY verification")
                .param("locations", List.of(locationIds))
                .query((row, n) -> counts.put(row.getString("verification"), row.getLong("n")))
                .list();
        return counts;
    }
}
