package org.directbill.revenue.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
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
 * Reads the rollups of every location billed in a window in one streamed pass, for computing every
 * partner's revenue at once. Rows are fetched a few thousand at a time (on PostgreSQL this needs the
 * surrounding transaction) and never collected here; the many repeated values (location IDs,
 * dates, currencies) are shared rather than kept once per row.
 */
@Repository
public class RollupScan {

    static final int FETCH_SIZE = 5_000;

    private final NamedParameterJdbcTemplate jdbc;

    RollupScan(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /** Every group billed between two dates (inclusive), ordered by location ID. */
    public void eachBilledBetween(LocalDate from, LocalDate to, Consumer<RevenueGroup> each) {
        jdbc.query(
                "SELECT location_id, billing_date, product_category, currency, paid_date, verification, amount, lines"
                        + " FROM ledger_rollup WHERE billing_date BETWEEN :from AND :to ORDER BY location_id",
                Map.of("from", from, "to", to),
                new Reader(each));
    }

    private static final class Reader implements RowCallbackHandler {

        private final Consumer<RevenueGroup> each;
        private final Map<String, String> currencies = new HashMap<>();
        private final Map<LocalDate, LocalDate> dates = new HashMap<>();
        private String location = "";

        Reader(Consumer<RevenueGroup> each) {
            this.each = each;
        }

        @Override
        public void processRow(ResultSet row) throws SQLException {
            String locationId = row.getString(1);
            if (!locationId.equals(location)) {
                location = locationId;
            }
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
