package org.directbill.revenue.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.directbill.revenue.domain.FileError;
import org.directbill.revenue.domain.FileErrors;
import org.directbill.revenue.domain.PaymentFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies a payments file (ledger-format.md, "Payments"): each line marks every unpaid line of an
 * invoice paid on its date. Staged first, then checked set-based — an unknown invoice, an invoice
 * already paid on another date, or named twice with two dates, is an error — then applied in the
 * import's transaction, rollups moving with the lines. A payment that changes nothing (the invoice
 * already paid that day, or named again) is a duplicate.
 */
@Component
class PaymentMerge {

    private static final int FETCH_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final BulkLoader loader;
    private final LedgerRollups rollups;

    PaymentMerge(JdbcClient jdbc, BulkLoader loader, DataSource dataSource, LedgerRollups rollups) {
        this.jdbc = jdbc;
        this.loader = loader;
        JdbcTemplate chunked = new JdbcTemplate(dataSource);
        chunked.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(chunked);
        this.rollups = rollups;
    }

    private static final List<String> STAGED = List.of("import_id", "line_no", "invoice_id", "paid_date");

    /** Where a file's payments go before they are checked; close it to flush the last ones. */
    BulkLoader.Writer open() {
        return loader.openBatched("payment_staging", STAGED);
    }

    static void stage(BulkLoader.Writer writer, UUID stagingId, long line, PaymentFile.Payment payment) {
        writer.add(stagingId, line, payment.invoiceId(), payment.paidDate());
    }

    /** What a payments file did, or would have done. */
    record Outcome(long duplicates, long paidUpdated) {}

    /** Checks the staged payments, reporting every error; returns how many repeat an earlier line. */
    long check(UUID stagingId, FileErrors errors) {
        long[] repeats = {0};
        Object[] current = {null, null}; // the invoice being read and the date its first line gave
        streaming
                .sql("SELECT line_no, invoice_id, paid_date FROM payment_staging WHERE import_id = ?"
                        + " ORDER BY invoice_id, line_no")
                .params(stagingId)
                .query(row -> {
                    String invoice = row.getString("invoice_id");
                    LocalDate paid = row.getDate("paid_date").toLocalDate();
                    if (invoice.equals(current[0])) {
                        repeats[0]++;
                        if (!paid.equals(current[1])) {
                            errors.add(FileError.of(
                                    row.getLong("line_no"),
                                    PaymentFile.PAID_DATE,
                                    "CONFLICTING_PAYMENT",
                                    invoice,
                                    current[1].toString(),
                                    paid.toString()));
                        }
                        return;
                    }
                    current[0] = invoice;
                    current[1] = paid;
                });
        Map<String, Object> id = Map.of("id", stagingId);
        String unknown = " FROM payment_staging p WHERE p.import_id = :id"
                + " AND NOT EXISTS (SELECT 1 FROM ledger_line l WHERE l.invoice_id = p.invoice_id)";
        listAndCount(
                "SELECT p.line_no, p.invoice_id" + unknown + " ORDER BY p.line_no",
                "SELECT COUNT(*)" + unknown,
                id,
                errors,
                row -> FileError.of(
                        row.getLong("line_no"),
                        PaymentFile.INVOICE_ID,
                        "UNKNOWN_INVOICE",
                        row.getString("invoice_id")));
        String paidOtherDay = " FROM payment_staging p WHERE p.import_id = :id AND EXISTS (SELECT 1 FROM ledger_line l"
                + " WHERE l.invoice_id = p.invoice_id AND l.paid_date IS NOT NULL AND l.paid_date <> p.paid_date)";
        listAndCount(
                "SELECT p.line_no, p.invoice_id, p.paid_date, (SELECT MIN(l.paid_date) FROM ledger_line l"
                        + " WHERE l.invoice_id = p.invoice_id AND l.paid_date <> p.paid_date) AS stored"
                        + paidOtherDay + " ORDER BY p.line_no",
                "SELECT COUNT(*)" + paidOtherDay,
                id,
                errors,
                row -> FileError.of(
                        row.getLong("line_no"),
                        PaymentFile.PAID_DATE,
                        "CONFLICTING_PAYMENT",
                        row.getString("invoice_id"),
                        row.getDate("stored").toLocalDate().toString(),
                        row.getDate("paid_date").toLocalDate().toString()));
        return repeats[0];
    }

    /** Marks the invoices' unpaid lines paid, moving their rollups; counts what changed. */
    Outcome store(UUID stagingId, long repeats) {
        Map<String, Object> id = Map.of("id", stagingId);
        long alreadyPaid = jdbc.sql("SELECT COUNT(DISTINCT p.invoice_id) FROM payment_staging p WHERE p.import_id = :id"
                        + " AND NOT EXISTS (SELECT 1 FROM ledger_line l WHERE l.invoice_id = p.invoice_id"
                        + " AND l.paid_date IS NULL)")
                .params(id)
                .query(Long.class)
                .single();
        String paying = "l.paid_date IS NULL AND l.invoice_id IN"
                + " (SELECT invoice_id FROM payment_staging WHERE import_id = :id)";
        rollups.addGroups(
                "SELECT l.location_id, l.billing_date, l.product_category, l.currency, p.paid_date, l.verification,"
                        + " SUM(l.amount) AS amount, COUNT(*) AS lines FROM ledger_line l"
                        + " JOIN (SELECT DISTINCT invoice_id, paid_date FROM payment_staging WHERE import_id = :id) p"
                        + " ON p.invoice_id = l.invoice_id WHERE l.paid_date IS NULL"
                        + " GROUP BY l.location_id, l.billing_date, l.product_category, l.currency, p.paid_date,"
                        + " l.verification",
                id);
        rollups.subtract(paying, id);
        long updated = jdbc.sql("UPDATE ledger_line l SET paid_date = (SELECT MIN(p.paid_date) FROM payment_staging p"
                        + " WHERE p.import_id = :id AND p.invoice_id = l.invoice_id) WHERE " + paying)
                .params(id)
                .update();
        return new Outcome(alreadyPaid + repeats, updated);
    }

    void discard(UUID stagingId) {
        jdbc.sql("DELETE FROM payment_staging WHERE import_id = ?")
                .params(stagingId)
                .update();
    }

    private interface ErrorOfRow {
        FileError of(java.sql.ResultSet row) throws java.sql.SQLException;
    }

    private void listAndCount(
            String listQuery, String countQuery, Map<String, Object> id, FileErrors errors, ErrorOfRow error) {
        long count = jdbc.sql(countQuery).params(id).query(Long.class).single();
        if (count == 0) {
            return;
        }
        List<FileError> listed = jdbc.sql(listQuery + " LIMIT " + FileErrors.MAX_LISTED)
                .params(id)
                .query((row, n) -> error.of(row))
                .list();
        listed.forEach(errors::add);
        errors.countUnlisted(count - listed.size());
    }
}
