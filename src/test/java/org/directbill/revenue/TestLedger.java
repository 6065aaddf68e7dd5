package org.directbill.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.directbill.revenue.internal.LedgerRollups;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes ledger lines straight into {@code ledger_line}, as an import would, and adds them to the
 * rollups the revenue reads. Each instance is one "import": its lines are rolled up together by
 * {@link #rollUp()}, leaving every other test's lines alone.
 */
public final class TestLedger {

    private final JdbcClient jdbc;
    private final LedgerRollups rollups;
    private final UUID importId = UUID.randomUUID();
    private int lines;

    public TestLedger(JdbcClient jdbc, LedgerRollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /** A line never selected for verification. */
    public TestLedger line(
            String location,
            String category,
            String billingDate,
            @Nullable String paidDate,
            String amount,
            String currency) {
        return line(location, category, billingDate, paidDate, amount, currency, "NONE");
    }

    public TestLedger line(
            String location,
            String category,
            String billingDate,
            @Nullable String paidDate,
            String amount,
            String currency,
            String verification) {
        String lineId = importId + "-" + ++lines;
        jdbc.sql("INSERT INTO ledger_line (line_id, invoice_id, location_id, customer_id, product_category,"
                        + " billing_date, paid_date, amount, currency, verification, import_id)"
                        + " VALUES (?, ?, ?, 'CUSTOMER', ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        lineId,
                        "INV-" + lineId,
                        location,
                        category,
                        LocalDate.parse(billingDate),
                        paidDate == null ? null : LocalDate.parse(paidDate),
                        new BigDecimal(amount),
                        currency,
                        verification,
                        importId)
                .update();
        return this;
    }

    /** Adds this ledger's lines to the rollups, as an import does when it commits. */
    public void rollUp() {
        rollups.add("l.import_id = :import", Map.of("import", importId));
    }
}
