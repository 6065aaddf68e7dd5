package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.directbill.revenue.domain.LedgerEntry.Match;
import org.junit.jupiter.api.Test;

/** A line arriving with the {@code line_id} of a known one (ledger-format.md, "Idempotent"). */
class LedgerEntryTest {

    static final LedgerEntry STORED = new LedgerEntry(
            "L-1",
            "INV-1",
            "PLA-1",
            "CUST-1",
            "FR",
            ProductCategory.AZURE_CONSUMPTION,
            "Azure plan",
            "NEW",
            LocalDate.parse("2020-05-04"),
            null,
            new BigDecimal("10.50"),
            "EUR");

    static LedgerEntry with(LedgerColumn column, String value) {
        LedgerEntry e = STORED;
        String v = value.isEmpty() ? null : value;
        return new LedgerEntry(
                column == LedgerColumn.LINE_ID ? value : e.lineId(),
                column == LedgerColumn.INVOICE_ID ? value : e.invoiceId(),
                column == LedgerColumn.LOCATION_ID ? value : e.locationId(),
                column == LedgerColumn.CUSTOMER_ID ? value : e.customerId(),
                column == LedgerColumn.CUSTOMER_COUNTRY ? v : e.customerCountry(),
                column == LedgerColumn.PRODUCT_CATEGORY ? ProductCategory.valueOf(value) : e.category(),
                column == LedgerColumn.PRODUCT_NAME ? v : e.productName(),
                column == LedgerColumn.CHARGE_TYPE ? v : e.chargeType(),
                column == LedgerColumn.BILLING_DATE ? LocalDate.parse(value) : e.billingDate(),
                column == LedgerColumn.PAID_DATE ? (v == null ? null : LocalDate.parse(v)) : e.paidDate(),
                column == LedgerColumn.AMOUNT ? new BigDecimal(value) : e.amount(),
                column == LedgerColumn.CURRENCY ? value : e.currency());
    }

    static LedgerEntry paid(LedgerEntry entry, String date) {
        return entry.withPaidDate(LocalDate.parse(date));
    }

    @Test
    void an_identical_line_is_a_duplicate() {
        LedgerEntry same = with(LedgerColumn.PRODUCT_NAME, "Azure plan");

        assertThat(STORED.match(same)).isEqualTo(Match.DUPLICATE);
        assertThat(STORED.conflictingColumn(same)).isNull();
        assertThat(paid(STORED, "2020-06-01").match(paid(STORED, "2020-06-01"))).isEqualTo(Match.DUPLICATE);
    }

    @Test
    void a_stored_paid_date_meeting_an_empty_one_is_a_duplicate_an_older_export() {
        LedgerEntry stored = paid(STORED, "2020-06-01");

        assertThat(stored.match(STORED)).isEqualTo(Match.DUPLICATE);
        assertThat(stored.conflictingColumn(STORED)).isNull();
    }

    @Test
    void a_paid_date_arriving_for_an_unpaid_line_pays_it() {
        LedgerEntry arriving = paid(STORED, "2020-06-01");

        assertThat(STORED.match(arriving)).isEqualTo(Match.PAID);
        assertThat(STORED.conflictingColumn(arriving)).isNull();
    }

    @Test
    void two_different_paid_dates_conflict_on_the_paid_date() {
        LedgerEntry stored = paid(STORED, "2020-06-01");
        LedgerEntry arriving = paid(STORED, "2020-06-02");

        assertThat(stored.match(arriving)).isEqualTo(Match.CONFLICT);
        assertThat(stored.conflictingColumn(arriving)).isEqualTo(LedgerColumn.PAID_DATE);
        assertThat(stored.firstDifference(arriving)).isNull();
    }

    @Test
    void any_other_difference_conflicts_naming_its_column() {
        assertConflict(LedgerColumn.INVOICE_ID, "INV-2");
        assertConflict(LedgerColumn.LOCATION_ID, "PLA-2");
        assertConflict(LedgerColumn.CUSTOMER_ID, "CUST-2");
        assertConflict(LedgerColumn.CUSTOMER_COUNTRY, "DE");
        assertConflict(LedgerColumn.CUSTOMER_COUNTRY, "");
        assertConflict(LedgerColumn.PRODUCT_CATEGORY, "MARKETPLACE_SAAS");
        assertConflict(LedgerColumn.PRODUCT_NAME, "Azure Plan");
        assertConflict(LedgerColumn.PRODUCT_NAME, "");
        assertConflict(LedgerColumn.CHARGE_TYPE, "RENEW");
        assertConflict(LedgerColumn.BILLING_DATE, "2020-05-05");
        assertConflict(LedgerColumn.AMOUNT, "-10.50");
        assertConflict(LedgerColumn.CURRENCY, "USD");
    }

    private static void assertConflict(LedgerColumn column, String value) {
        LedgerEntry arriving = with(column, value);
        assertThat(STORED.match(arriving)).as(column + " " + value).isEqualTo(Match.CONFLICT);
        assertThat(STORED.conflictingColumn(arriving)).as(column + " " + value).isEqualTo(column);
        assertThat(arriving.match(STORED)).as("the other way round").isEqualTo(Match.CONFLICT);
        // Paying it does not make it the same sale.
        assertThat(STORED.match(paid(arriving, "2020-06-01"))).isEqualTo(Match.CONFLICT);
        assertThat(STORED.conflictingColumn(paid(arriving, "2020-06-01"))).isEqualTo(column);
    }

    @Test
    void the_first_differing_column_in_file_order_is_named() {
        LedgerEntry arriving = new LedgerEntry(
                "L-1",
                "INV-1",
                "PLA-1",
                "CUST-1",
                "FR",
                ProductCategory.AZURE_CONSUMPTION,
                "Azure plan",
                "RENEW",
                LocalDate.parse("2020-05-04"),
                null,
                new BigDecimal("11"),
                "USD");

        assertThat(STORED.conflictingColumn(arriving)).isEqualTo(LedgerColumn.CHARGE_TYPE);
    }

    @Test
    void amounts_are_compared_by_value_whatever_their_scale() {
        assertThat(STORED.match(with(LedgerColumn.AMOUNT, "10.5"))).isEqualTo(Match.DUPLICATE);
        assertThat(STORED.match(with(LedgerColumn.AMOUNT, "10.5000"))).isEqualTo(Match.DUPLICATE);
        assertThat(with(LedgerColumn.AMOUNT, "10.5").match(paid(STORED, "2020-06-01")))
                .isEqualTo(Match.PAID);
    }

    @Test
    void a_value_is_shown_as_a_file_would_hold_it() {
        LedgerEntry entry = paid(with(LedgerColumn.PRODUCT_NAME, ""), "2020-06-01");

        assertThat(entry.value(LedgerColumn.PRODUCT_NAME)).isEmpty();
        assertThat(entry.value(LedgerColumn.PAID_DATE)).isEqualTo("2020-06-01");
        assertThat(entry.value(LedgerColumn.BILLING_DATE)).isEqualTo("2020-05-04");
        assertThat(entry.value(LedgerColumn.PRODUCT_CATEGORY)).isEqualTo("AZURE_CONSUMPTION");
        assertThat(entry.value(LedgerColumn.AMOUNT)).isEqualTo("10.50");
        assertThat(with(LedgerColumn.AMOUNT, "1E+3").value(LedgerColumn.AMOUNT)).isEqualTo("1000");
        assertThat(STORED.value(LedgerColumn.PAID_DATE)).isEmpty();
    }
}
