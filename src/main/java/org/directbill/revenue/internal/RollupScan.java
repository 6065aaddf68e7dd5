package org.directbill.revenue.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.RevenueGroup;
import org.directbill.revenue.domain.VerificationState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the rollups of many locations billed in a window in one streamed pass, for computing many
 * partners' revenue at once. Rows are fetched a few thousand at a time (on PostgreSQL this needs the
 * surrounding transaction) and never collected here; the many repeated values (location IDs,
 * dates, currencies) are shared rather than kept once per row.
 */
@Repository
public class RollupScan {

    static final int FETCH_SIZE = 20_000;

    private final NamedParameterJdbcTemplate jdbc;

    RollupScan(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /**
     * Every group of these locations billed between two dates (inclusive), in no particular order.
     * Each location is a range of the rollups' unique index (location, billing date, …), so nothing
     * is sorted and nothing outside the window is read.
     */
    public void eachBilledBetween(
            Collection<String> locationIds, LocalDate from, LocalDate to, Consumer<RevenueGroup> each) {
        if (locationIds.isEmpty()) {
            return;
        }
        jdbc.query(
                "SELECT location_id, billing_date, product_category, currency, paid_date, verification, amount, lines"
                        + " FROM ledger_rollup WHERE location_id IN (:locations) AND billing_date BETWEEN :from AND :to",
                Map.of("locations", List.copyOf(locationIds), "from", from, "to", to),
                new Reader(each));
    }

    private static final class Reader implements RowCallbackHandler {

        private final Consumer<RevenueGroup> each;
        private final Map<String, String> currencies = new HashMap<>();
        private final Map<String, String> locations = new HashMap<>();
        private final Map<LocalDate, LocalDate> dates = new HashMap<>();

        Reader(Consumer<RevenueGroup> each) {
            this.each = each;
        }

        @Override
        public void processRow(ResultSet row) throws SQLException {
            String location = locations.computeIfAbsent(row.getString(1), id -> id);
            LocalDate paid = date(row.getObject(5, LocalDate.class));
            BigDecimal amount = row.getBigDecimal(7);
            each.accept(new RevenueGroup(
                    location,
                    date(row.getObject(2, LocalDate.class)),
                    ProductCategory.valueOf(row.getString(3)),
                    currencies.computeIfAbsent(row.getString(4), code -> code),
                    paid,
                    VerificationState.valueOf(row.getString(6)),
                    amount,
                    row.getLong(8)));
        }

        private @Nullable LocalDate date(@Nullable LocalDate date) {
            return date == null ? null : dates.computeIfAbsent(date, same -> same);
        }
    }
}
