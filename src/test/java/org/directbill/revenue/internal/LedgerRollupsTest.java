package org.directbill.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.directbill.revenue.domain.RevenueGroup;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The set-based rollup maintenance, on H2 and on PostgreSQL. */
@IntegrationTest
@Transactional
class LedgerRollupsTest {

    @Autowired
    LedgerRollups rollups;

    @Autowired
    JdbcClient jdbc;

    private final String location = Fixtures.uniqueLocationId();

    private void line(String id, String paid, String amount) {
        jdbc.sql("INSERT INTO ledger_line (line_id, invoice_id, location_id, customer_id, product_category,"
                        + " billing_date, paid_date, amount, currency, import_id)"
                        + " VALUES (?, 'INV', ?, 'C', 'AZURE_CONSUMPTION', ?, ?, ?, 'EUR', ?)")
                .params(
                        id,
                        location,
                        LocalDate.parse("2020-05-04"),
                        paid == null ? null : LocalDate.parse(paid),
                        new BigDecimal(amount),
                        UUID.randomUUID())
                .update();
    }

    private List<RevenueGroup> stored() {
        return rollups.of(List.of(location), LocalDate.parse("2020-01-01"), LocalDate.parse("2020-12-31"));
    }

    @Test
    void addedLinesAreSummedPerGroupAndAnUnpaidGroupIsOneGroup() {
        line(location + "-1", null, "10.5");
        line(location + "-2", null, "-0.25");
        line(location + "-3", "2020-06-01", "3");
        rollups.add("l.location_id = :location", Map.of("location", location));

        assertThat(stored())
                .extracting(RevenueGroup::paidDate, RevenueGroup::amount, RevenueGroup::lines)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(null, new BigDecimal("10.2500"), 2L),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2020-06-01"), new BigDecimal("3.0000"), 1L));
    }

    @Test
    void movingLinesToAnotherGroupDeletesTheGroupTheyLeaveEmpty() {
        line(location + "-1", null, "10.5");
        line(location + "-2", "2020-06-01", "3");
        rollups.add("l.location_id = :location", Map.of("location", location));

        Map<String, Object> paying = Map.of("line", location + "-1");
        rollups.subtract("l.line_id = :line", paying);
        jdbc.sql("UPDATE ledger_line SET paid_date = DATE '2020-06-01' WHERE line_id = :line")
                .params(paying)
                .update();
        rollups.add("l.line_id = :line", paying);

        assertThat(stored())
                .extracting(RevenueGroup::paidDate, RevenueGroup::amount, RevenueGroup::lines)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        LocalDate.parse("2020-06-01"), new BigDecimal("13.5000"), 2L));
    }

    @Test
    void aRebuildGivesTheGroupsOfARecomputation() {
        line(location + "-1", null, "10.5");
        line(location + "-2", "2020-06-01", "3");
        rollups.rebuild();

        assertThat(rollups.all()).containsExactlyInAnyOrderElementsOf(rollups.recomputedFromLedger());
        assertThat(rollups.monthlyAgreeWithExact()).isTrue();
        assertThat(stored()).hasSize(2);
    }
}
