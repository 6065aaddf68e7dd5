package org.directbill.revenue.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.directbill.revenue.domain.FileError;
import org.directbill.revenue.domain.FileErrors;
import org.directbill.revenue.domain.LedgerColumn;
import org.directbill.revenue.domain.LedgerEntry;
import org.directbill.revenue.domain.ProductCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a file's staged lines against each other and against the stored ledger, then stores them
 * (ledger-format.md, "Idempotent"), set-based, in the import's transaction: a line already stored
 * with the same content is a duplicate, one that brings the paid date of a line stored unpaid
 * updates it, any other difference is a {@code CONFLICTING_DUPLICATE}. Rollups follow every change.
 */
@Component
class LedgerMerge {

    /** The staged and the stored line agree on everything but, perhaps, the paid date. */
    private static final String SAME_SALE = "l.invoice_id = s.invoice_id AND l.location_id = s.location_id"
            + " AND l.customer_id = s.customer_id AND l.customer_country IS NOT DISTINCT FROM s.customer_country"
            + " AND l.product_category = s.product_category AND l.product_name IS NOT DISTINCT FROM s.product_name"
            + " AND l.charge_type IS NOT DISTINCT FROM s.charge_type AND l.billing_date = s.billing_date"
            + " AND l.amount = s.amount AND l.currency = s.currency";

    private static final int FETCH_SIZE = 10_000;

    private static final String STAGED_COLUMNS = "s.line_no, s.line_id, s.invoice_id, s.location_id, s.customer_id,"
            + " s.customer_country, s.product_category, s.product_name, s.charge_type, s.billing_date, s.paid_date,"
            + " s.amount, s.currency";

    private final JdbcClient jdbc;
    /** For queries read row by row: fetched in chunks, never held whole (PostgreSQL needs a fetch size). */
    private final JdbcClient streaming;

    private final LedgerRollups rollups;
    private final BulkLoader loader;

    LedgerMerge(JdbcClient jdbc, DataSource dataSource, LedgerRollups rollups, BulkLoader loader) {
        this.jdbc = jdbc;
        JdbcTemplate chunked = new JdbcTemplate(dataSource);
        chunked.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(chunked);
        this.rollups = rollups;
        this.loader = loader;
    }

    /** What a merge did, or would have done. */
    record Outcome(long imported, long duplicates, long paidUpdated) {}

    /** Waits for any other import's merge to end: merges never interleave (see ledger_import_lock). */
    void lock() {
        jdbc.sql("SELECT id FROM ledger_import_lock WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .single();
    }

    /** {@link #foldRepeats} when the file names a {@code line_id} more than once; else the same id. */
    UUID foldRepeatsIfAny(UUID stagingId, FileErrors errors, long[] duplicates) {
        boolean repeats = !jdbc.sql("SELECT line_id FROM ledger_staging WHERE import_id = ? GROUP BY line_id"
                        + " HAVING COUNT(*) > 1 LIMIT 1")
                .params(stagingId)
                .query(String.class)
                .list()
                .isEmpty();
        return repeats ? foldRepeats(stagingId, errors, duplicates) : stagingId;
    }

    /**
     * Folds lines repeated inside the file into one each (a repeat is a duplicate; a repeat bringing
     * the paid date gives it to the line; any other difference is an error), streaming the staged
     * lines in {@code line_id} order into a fresh staging id. Returns that id and counts the repeats.
     */
    UUID foldRepeats(UUID stagingId, FileErrors errors, long[] duplicates) {
        UUID folded = UUID.randomUUID();
        try (BulkLoader.Writer writer = loader.openBatched("ledger_staging", LedgerRows.STAGED)) {
            Object[] current = {null, 0L}; // the line kept for the line_id being read, and its line number
            streaming
                    .sql("SELECT " + STAGED_COLUMNS + " FROM ledger_staging s WHERE s.import_id = ?"
                            + " ORDER BY s.line_id, s.line_no")
                    .params(stagingId)
                    .query(row -> {
                        LedgerEntry entry = entry(row);
                        long line = row.getLong("line_no");
                        LedgerEntry kept = (LedgerEntry) current[0];
                        if (kept != null && kept.lineId().equals(entry.lineId())) {
                            switch (kept.match(entry)) {
                                case DUPLICATE -> duplicates[0]++;
                                case PAID -> {
                                    duplicates[0]++;
                                    current[0] = kept.withPaidDate(entry.paidDate());
                                }
                                case CONFLICT -> errors.add(conflict(line, kept, entry));
                            }
                            return;
                        }
                        if (kept != null) {
                            LedgerRows.stage(writer, folded, (Long) current[1], kept);
                        }
                        current[0] = entry;
                        current[1] = line;
                    });
            if (current[0] != null) {
                LedgerRows.stage(writer, folded, (Long) current[1], (LedgerEntry) current[0]);
            }
        }
        discard(stagingId);
        return folded;
    }

    /**
     * Compares the staged lines (one per {@code line_id}) with the stored ledger: drops the
     * duplicates, marks the paid-date updates, and reports every other difference.
     */
    Outcome check(UUID stagingId, FileErrors errors) {
        Map<String, Object> id = Map.of("id", stagingId);
        boolean anyStored = jdbc.sql("SELECT COUNT(*) FROM ledger_staging s WHERE s.import_id = :id"
                                + " AND EXISTS (SELECT 1 FROM ledger_line l WHERE l.line_id = s.line_id)")
                        .params(id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!anyStored) {
            return new Outcome(0, 0, 0);
        }
        long duplicates = jdbc.sql("DELETE FROM ledger_staging s WHERE s.import_id = :id AND EXISTS ("
                        + "SELECT 1 FROM ledger_line l WHERE l.line_id = s.line_id AND " + SAME_SALE
                        + " AND (s.paid_date IS NULL OR l.paid_date IS NOT DISTINCT FROM s.paid_date))")
                .params(id)
                .update();
        long paid = jdbc.sql("UPDATE ledger_staging s SET paid_update = TRUE WHERE s.import_id = :id AND EXISTS ("
                        + "SELECT 1 FROM ledger_line l WHERE l.line_id = s.line_id AND " + SAME_SALE
                        + " AND l.paid_date IS NULL AND s.paid_date IS NOT NULL)")
                .params(id)
                .update();
        String conflicts = " FROM ledger_staging s JOIN ledger_line l ON l.line_id = s.line_id"
                + " WHERE s.import_id = :id AND NOT s.paid_update";
        long conflictCount = jdbc.sql("SELECT COUNT(*)" + conflicts)
                .params(id)
                .query(Long.class)
                .single();
        List<FileError> listed = jdbc.sql("SELECT " + STAGED_COLUMNS + ", l.invoice_id AS l_invoice_id,"
                        + " l.location_id AS l_location_id, l.customer_id AS l_customer_id,"
                        + " l.customer_country AS l_customer_country, l.product_category AS l_product_category,"
                        + " l.product_name AS l_product_name, l.charge_type AS l_charge_type,"
                        + " l.billing_date AS l_billing_date, l.paid_date AS l_paid_date, l.amount AS l_amount,"
                        + " l.currency AS l_currency" + conflicts + " ORDER BY s.line_no LIMIT "
                        + FileErrors.MAX_LISTED)
                .params(id)
                .query((row, n) -> conflict(row.getLong("line_no"), stored(row), entry(row)))
                .list();
        listed.forEach(errors::add);
        errors.countUnlisted(conflictCount - listed.size());
        return new Outcome(0, duplicates, paid);
    }

    /** Stores the checked lines: paid dates first (moving their rollups), then the new lines. */
    long store(UUID stagingId, UUID importId, Outcome checked) {
        Map<String, Object> id = Map.of("id", stagingId);
        if (checked.paidUpdated() > 0) {
            String paying = "l.line_id IN (SELECT line_id FROM ledger_staging WHERE import_id = :id AND paid_update)";
            rollups.addGroups(
                    "SELECT l.location_id, l.billing_date, l.product_category, l.currency, s.paid_date,"
                            + " l.verification, SUM(l.amount) AS amount, COUNT(*) AS lines"
                            + " FROM ledger_line l JOIN ledger_staging s ON s.line_id = l.line_id"
                            + " WHERE s.import_id = :id AND s.paid_update"
                            + " GROUP BY l.location_id, l.billing_date, l.product_category, l.currency, s.paid_date,"
                            + " l.verification",
                    id);
            rollups.subtract(paying, id);
            jdbc.sql("UPDATE ledger_line l SET paid_date = (SELECT s.paid_date FROM ledger_staging s"
                            + " WHERE s.import_id = :id AND s.paid_update AND s.line_id = l.line_id) WHERE " + paying)
                    .params(id)
                    .update();
        }
        long imported = jdbc.sql("INSERT INTO ledger_line (line_id, invoice_id, location_id, customer_id,"
                        + " customer_country, product_category, product_name, charge_type, billing_date, paid_date,"
                        + " amount, currency, verification, import_id)"
                        + " SELECT line_id, invoice_id, location_id, customer_id, customer_country, product_category,"
                        + " product_name, charge_type, billing_date, paid_date, amount, currency, 'NONE', :importId"
                        + " FROM ledger_staging WHERE import_id = :id AND NOT paid_update")
                .param("id", stagingId)
                .param("importId", importId)
                .update();
        if (imported > 0) {
            rollups.addGroups(
                    "SELECT location_id, billing_date, product_category, currency, paid_date,"
                            + " 'NONE' AS verification, SUM(amount) AS amount, COUNT(*) AS lines"
                            + " FROM ledger_staging WHERE import_id = :id AND NOT paid_update"
                            + " GROUP BY location_id, billing_date, product_category, currency, paid_date",
                    id);
        }
        return imported;
    }

    /** Deletes staged lines (they are never committed on success either: see the caller). */
    void discard(UUID stagingId) {
        jdbc.sql("DELETE FROM ledger_staging WHERE import_id = ?")
                .params(stagingId)
                .update();
    }

    private static FileError conflict(long line, LedgerEntry stored, LedgerEntry arriving) {
        LedgerColumn column = stored.conflictingColumn(arriving);
        LedgerColumn shown = column == null ? LedgerColumn.LINE_ID : column;
        return FileError.of(
                line,
                shown.header(),
                "CONFLICTING_DUPLICATE",
                arriving.lineId(),
                stored.value(shown),
                arriving.value(shown));
    }

    private static LedgerEntry entry(ResultSet row) throws SQLException {
        return read(row, "");
    }

    private static LedgerEntry stored(ResultSet row) throws SQLException {
        return read(row, "l_");
    }

    private static LedgerEntry read(ResultSet row, String prefix) throws SQLException {
        return new LedgerEntry(
                row.getString("line_id"), // the same in both: they were joined on it
                row.getString(prefix + "invoice_id"),
                row.getString(prefix + "location_id"),
                row.getString(prefix + "customer_id"),
                trimmed(row.getString(prefix + "customer_country")),
                ProductCategory.valueOf(row.getString(prefix + "product_category")),
                row.getString(prefix + "product_name"),
                row.getString(prefix + "charge_type"),
                row.getDate(prefix + "billing_date").toLocalDate(),
                date(row.getDate(prefix + "paid_date")),
                row.getBigDecimal(prefix + "amount"),
                row.getString(prefix + "currency").strip());
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    private static java.time.LocalDate date(Date value) {
        return value == null ? null : value.toLocalDate();
    }
}
