package org.directbill.revenue.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.RevenueGroup;
import org.directbill.revenue.domain.VerificationState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's rollups ({@code ledger_rollup}): the ledger summed per location, billing date,
 * category, currency, paid date and verification state, which is all the revenue looks at.
 *
 * <p>Every change of ledger lines keeps them current in the same transaction, set-based: the lines
 * about to change are {@linkplain #subtract subtracted} from their groups, changed, then {@linkplain
 * #add added} to their new groups. Each method takes the changing lines as a condition on {@code
 * ledger_line l} with its parameters, so a change of millions of lines is two statements. A group
 * left with no line is deleted, so the rollups of a ledger are always those a {@linkplain #rebuild
 * rebuild} would give.
 */
@Repository
public class LedgerRollups {

    static final String GROUP_COLUMNS =
            "location_id, billing_date, product_category, currency, paid_date, verification";

    private static final String GROUPS_OF_LINES = "SELECT l.location_id, l.billing_date, l.product_category,"
            + " l.currency, l.paid_date, l.verification, SUM(l.amount) AS amount, COUNT(*) AS lines"
            + " FROM ledger_line l WHERE %s"
            + " GROUP BY l.location_id, l.billing_date, l.product_category, l.currency, l.paid_date, l.verification";

    private static final String MONTH_GROUP_COLUMNS =
            "location_id, billing_date, product_category, currency, paid_month, verification";

    /** The first day of the paid date's month, the same type on PostgreSQL and H2. */
    private static final String PAID_MONTH = "CAST(DATE_TRUNC('MONTH', paid_date) AS DATE)";

    private static final String SAME_MONTH_GROUP = "r.location_id = s.location_id AND r.billing_date = s.billing_date"
            + " AND r.product_category = s.product_category AND r.currency = s.currency"
            + " AND r.verification = s.verification AND r.paid_month IS NOT DISTINCT FROM s.paid_month";

    private static final String SAME_GROUP = "r.location_id = s.location_id AND r.billing_date = s.billing_date"
            + " AND r.product_category = s.product_category AND r.currency = s.currency"
            + " AND r.verification = s.verification AND r.paid_date IS NOT DISTINCT FROM s.paid_date";

    private final JdbcClient jdbc;
    private final boolean postgres;

    LedgerRollups(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = BulkLoader.isPostgres(dataSource);
    }

    /** Adds the lines of {@code ledger_line l} that meet {@code condition} to their groups. */
    public void add(String condition, Map<String, ?> parameters) {
        addGroups(GROUPS_OF_LINES.formatted(condition), parameters);
    }

    /**
     * Takes the lines of {@code ledger_line l} that meet {@code condition} out of their groups,
     * deleting the groups they leave empty. Called before the lines change.
     */
    public void subtract(String condition, Map<String, ?> parameters) {
        subtractGroups(GROUPS_OF_LINES.formatted(condition), parameters);
    }

    /**
     * Adds groups given by a query returning the group columns ({@value #GROUP_COLUMNS}) with
     * {@code amount} and {@code lines}: for lines not in {@code ledger_line} yet, or as they will be
     * once changed.
     */
    public void addGroups(String groupsQuery, Map<String, ?> parameters) {
        jdbc.sql("MERGE INTO ledger_rollup r USING (" + groupsQuery + ") s ON (" + SAME_GROUP
                        + ") WHEN MATCHED THEN UPDATE SET amount = r.amount + s.amount, lines = r.lines + s.lines"
                        + " WHEN NOT MATCHED THEN INSERT (" + GROUP_COLUMNS + ", amount, lines) VALUES"
                        + " (s.location_id, s.billing_date, s.product_category, s.currency, s.paid_date,"
                        + " s.verification, s.amount, s.lines)")
                .params(parameters)
                .update();
        jdbc.sql("MERGE INTO ledger_rollup_month r USING (" + byPaidMonth(groupsQuery) + ") s ON (" + SAME_MONTH_GROUP
                        + ") WHEN MATCHED THEN UPDATE SET amount = r.amount + s.amount, lines = r.lines + s.lines"
                        + " WHEN NOT MATCHED THEN INSERT (" + MONTH_GROUP_COLUMNS + ", amount, lines) VALUES"
                        + " (s.location_id, s.billing_date, s.product_category, s.currency, s.paid_month,"
                        + " s.verification, s.amount, s.lines)")
                .params(parameters)
                .update();
    }

    /** Takes groups given by a query (as for {@link #addGroups}) out, deleting those left empty. */
    public void subtractGroups(String groupsQuery, Map<String, ?> parameters) {
        jdbc.sql("MERGE INTO ledger_rollup r USING (" + groupsQuery + ") s ON (" + SAME_GROUP
                        + ") WHEN MATCHED AND r.lines = s.lines THEN DELETE"
                        + " WHEN MATCHED THEN UPDATE SET amount = r.amount - s.amount, lines = r.lines - s.lines")
                .params(parameters)
                .update();
        jdbc.sql("MERGE INTO ledger_rollup_month r USING (" + byPaidMonth(groupsQuery) + ") s ON (" + SAME_MONTH_GROUP
                        + ") WHEN MATCHED AND r.lines = s.lines THEN DELETE"
                        + " WHEN MATCHED THEN UPDATE SET amount = r.amount - s.amount, lines = r.lines - s.lines")
                .params(parameters)
                .update();
    }

    /** The groups of a groups query summed per paid month instead of paid date. */
    private static String byPaidMonth(String groupsQuery) {
        return "SELECT location_id, billing_date, product_category, currency, " + PAID_MONTH + " AS paid_month,"
                + " verification, SUM(amount) AS amount, SUM(lines) AS lines FROM (" + groupsQuery + ") g"
                + " GROUP BY location_id, billing_date, product_category, currency, " + PAID_MONTH + ", verification";
    }

    /** Recomputes every rollup from the ledger. */
    public void rebuild() {
        jdbc.sql("DELETE FROM ledger_rollup").update();
        jdbc.sql("DELETE FROM ledger_rollup_month").update();
        jdbc.sql("INSERT INTO ledger_rollup (" + GROUP_COLUMNS + ", amount, lines) "
                        + GROUPS_OF_LINES.formatted("1 = 1"))
                .update();
        jdbc.sql("INSERT INTO ledger_rollup_month (" + MONTH_GROUP_COLUMNS + ", amount, lines) "
                        + byPaidMonth("SELECT " + GROUP_COLUMNS + ", amount, lines FROM ledger_rollup"))
                .update();
    }

    /**
     * Whether the monthly rollups are exactly the exact ones summed per paid month (a check for
     * tests: both are kept by the same statements).
     */
    public boolean monthlyAgreeWithExact() {
        String expected = byPaidMonth("SELECT " + GROUP_COLUMNS + ", amount, lines FROM ledger_rollup");
        String stored = "SELECT " + MONTH_GROUP_COLUMNS + ", amount, lines FROM ledger_rollup_month";
        long missing = jdbc.sql("SELECT COUNT(*) FROM ((" + expected + ") EXCEPT (" + stored + ")) d")
                .query(Long.class)
                .single();
        long extra = jdbc.sql("SELECT COUNT(*) FROM ((" + stored + ") EXCEPT (" + expected + ")) d")
                .query(Long.class)
                .single();
        return missing == 0 && extra == 0;
    }

    /** The groups of these locations billed between two dates (inclusive). */
    public List<RevenueGroup> of(Collection<String> locationIds, LocalDate from, LocalDate to) {
        if (locationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + GROUP_COLUMNS + ", amount, lines FROM ledger_rollup"
                        + " WHERE location_id IN (:locations) AND billing_date BETWEEN :from AND :to")
                .param("locations", List.copyOf(locationIds))
                .param("from", from)
                .param("to", to)
                .query(LedgerRollups::group)
                .list();
    }

    /**
     * The groups of these locations billed between two dates (inclusive) as they stand on an as-of
     * date, each paid date replaced by "paid on or before {@code asOf}" (paid date {@code asOf}) or
     * "not paid by then" (no paid date). The revenue looks at the paid date only to compare it with
     * the as-of date, so its figures are the same as from the groups themselves, while far fewer rows
     * reach it however spread out the payments are: the database reads the monthly rollups for every
     * paid month but the as-of date's, and the exact ones only for that month's payments, a few rows
     * per billing date. Groups that now differ by nothing are not summed here: the calculator adds
     * them up anyway, and summing them in the database (a hash aggregate over numeric amounts) cost
     * more than handing over the extra rows.
     */
    public List<RevenueGroup> asOf(Collection<String> locationIds, LocalDate from, LocalDate to, LocalDate asOf) {
        if (locationIds.isEmpty()) {
            return List.of();
        }
        // Paid in a month before the as-of date's: paid by then. In a later month, or never: not paid.
        // In the as-of date's own month: its exact day decides, read from the exact rollups.
        LocalDate monthStart = asOf.withDayOfMonth(1);
        if (postgres) {
            // After five runs of a prepared statement PostgreSQL may switch to a generic plan, made
            // without the dates and locations; for this read it is three times slower (it scans the
            // exact rollups by billing date instead of the paid-date index: 30 ms against 11 for a
            // partner with a million lines). Planned each time with the values, within the
            // transaction only.
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        }
        return jdbc.sql("SELECT location_id, billing_date, product_category, currency, verification, amount, lines,"
                        + " CASE WHEN paid_month < :monthStart THEN CAST(:asOf AS DATE) END AS paid_date"
                        + " FROM ledger_rollup_month WHERE location_id IN (:locations) AND billing_date BETWEEN :from"
                        + " AND :to AND (paid_month IS NULL OR paid_month <> :monthStart)"
                        + " UNION ALL SELECT location_id, billing_date, product_category, currency, verification,"
                        + " amount, lines, CASE WHEN paid_date <= :asOf THEN CAST(:asOf AS DATE) END AS paid_date"
                        + " FROM ledger_rollup WHERE location_id IN (:locations) AND paid_date BETWEEN :monthStart"
                        + " AND :monthEnd AND billing_date BETWEEN :from AND :to")
                .param("locations", List.copyOf(locationIds))
                .param("from", from)
                .param("to", to)
                .param("asOf", asOf)
                .param("monthStart", monthStart)
                .param("monthEnd", monthStart.plusMonths(1).minusDays(1))
                .query(LedgerRollups::group)
                .list();
    }

    /** Every group, as a from-scratch recomputation from the ledger would give them (for checks). */
    public List<RevenueGroup> recomputedFromLedger() {
        return jdbc.sql(GROUPS_OF_LINES.formatted("1 = 1"))
                .query(LedgerRollups::group)
                .list();
    }

    /** How many groups there are. */
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_rollup").query(Long.class).single();
    }

    /** Every group as stored. */
    public List<RevenueGroup> all() {
        return jdbc.sql("SELECT " + GROUP_COLUMNS + ", amount, lines FROM ledger_rollup")
                .query(LedgerRollups::group)
                .list();
    }

    static RevenueGroup group(ResultSet row, int rowNum) throws SQLException {
        Date paid = row.getDate("paid_date");
        return new RevenueGroup(
                row.getString("location_id"),
                row.getDate("billing_date").toLocalDate(),
                ProductCategory.valueOf(row.getString("product_category")),
                row.getString("currency"),
                paid == null ? null : paid.toLocalDate(),
                VerificationState.valueOf(row.getString("verification")),
                row.getBigDecimal("amount"),
                row.getLong("lines"));
    }
}
