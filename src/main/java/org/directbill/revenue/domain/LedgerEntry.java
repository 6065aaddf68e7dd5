package org.directbill.revenue.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One valid line of a sales ledger (ledger-format.md), every value checked. Optional values are
 * {@code null} when empty.
 */
public record LedgerEntry(
        String lineId,
        String invoiceId,
        String locationId,
        String customerId,
        @Nullable String customerCountry,
        ProductCategory category,
        @Nullable String productName,
        @Nullable String chargeType,
        LocalDate billingDate,
        @Nullable LocalDate paidDate,
        BigDecimal amount,
        String currency) {

    public LedgerEntry {
        Objects.requireNonNull(lineId);
        Objects.requireNonNull(invoiceId);
        Objects.requireNonNull(locationId);
        Objects.requireNonNull(customerId);
        Objects.requireNonNull(category);
        Objects.requireNonNull(billingDate);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(currency);
    }

    /** What a line with the same {@code line_id} is to this one (ledger-format.md, "Idempotent"). */
    public enum Match {
        /** The same sale, nothing new: skipped and counted as a duplicate. */
        DUPLICATE,
        /** The same sale, now paid: the one change allowed. */
        PAID,
        /** A different sale under the same id: an error (corrections come as new lines). */
        CONFLICT
    }

    /**
     * Compares a line arriving with the same {@code line_id} to this one: a duplicate when equal (a
     * paid date here meeting an empty one there is an older export), paid when only the paid date
     * arrives, otherwise a conflict.
     */
    public Match match(LedgerEntry arriving) {
        if (firstDifference(arriving) != null) {
            return Match.CONFLICT;
        }
        if (Objects.equals(paidDate, arriving.paidDate) || arriving.paidDate == null) {
            return Match.DUPLICATE;
        }
        return paidDate == null ? Match.PAID : Match.CONFLICT;
    }

    /** The first column, in file order, whose value differs from this line's; {@code null} when none. */
    public @Nullable LedgerColumn firstDifference(LedgerEntry other) {
        if (!invoiceId.equals(other.invoiceId)) {
            return LedgerColumn.INVOICE_ID;
        }
        if (!locationId.equals(other.locationId)) {
            return LedgerColumn.LOCATION_ID;
        }
        if (!customerId.equals(other.customerId)) {
            return LedgerColumn.CUSTOMER_ID;
        }
        if (!Objects.equals(customerCountry, other.customerCountry)) {
            return LedgerColumn.CUSTOMER_COUNTRY;
        }
        if (category != other.category) {
            return LedgerColumn.PRODUCT_CATEGORY;
        }
        if (!Objects.equals(productName, other.productName)) {
            return LedgerColumn.PRODUCT_NAME;
        }
        if (!Objects.equals(chargeType, other.chargeType)) {
            return LedgerColumn.CHARGE_TYPE;
        }
        if (!billingDate.equals(other.billingDate)) {
            return LedgerColumn.BILLING_DATE;
        }
        if (amount.compareTo(other.amount) != 0) {
            return LedgerColumn.AMOUNT;
        }
        if (!currency.equals(other.currency)) {
            return LedgerColumn.CURRENCY;
        }
        return null;
    }

    /** A paid date differing from a stored one (both present) is a conflict; its column. */
    public @Nullable LedgerColumn conflictingColumn(LedgerEntry arriving) {
        LedgerColumn differing = firstDifference(arriving);
        if (differing != null) {
            return differing;
        }
        return match(arriving) == Match.CONFLICT ? LedgerColumn.PAID_DATE : null;
    }

    /** The value of a column as a file would hold it ("" when empty). */
    public String value(LedgerColumn column) {
        Object value = get(column);
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** The value of a column, typed (a date, an amount, a category's code…); {@code null} when empty. */
    public @Nullable Object get(LedgerColumn column) {
        return switch (column) {
            case LINE_ID -> lineId;
            case INVOICE_ID -> invoiceId;
            case LOCATION_ID -> locationId;
            case CUSTOMER_ID -> customerId;
            case CUSTOMER_COUNTRY -> customerCountry;
            case PRODUCT_CATEGORY -> category.name();
            case PRODUCT_NAME -> productName;
            case CHARGE_TYPE -> chargeType;
            case BILLING_DATE -> billingDate;
            case PAID_DATE -> paidDate;
            case AMOUNT -> amount;
            case CURRENCY -> currency;
        };
    }

    public LedgerEntry withPaidDate(@Nullable LocalDate paid) {
        return new LedgerEntry(
                lineId,
                invoiceId,
                locationId,
                customerId,
                customerCountry,
                category,
                productName,
                chargeType,
                billingDate,
                paid,
                amount,
                currency);
    }
}
