package org.directbill.revenue.domain;

import java.util.Optional;

/** The columns of a sales ledger file (ledger-format.md), with what each may hold. */
public enum LedgerColumn {
    LINE_ID(true, 64),
    INVOICE_ID(true, 64),
    LOCATION_ID(true, 64),
    CUSTOMER_ID(true, 64),
    CUSTOMER_COUNTRY(false, 64),
    PRODUCT_CATEGORY(true, 64),
    PRODUCT_NAME(false, 255),
    CHARGE_TYPE(false, 32),
    BILLING_DATE(true, 64),
    PAID_DATE(false, 64),
    AMOUNT(true, 64),
    CURRENCY(true, 64);

    private final boolean required;
    private final int maxLength;

    LedgerColumn(boolean required, int maxLength) {
        this.required = required;
        this.maxLength = maxLength;
    }

    /** The name in a file's header: {@code line_id}, {@code invoice_id}… */
    public String header() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean required() {
        return required;
    }

    /**
     * The longest value the column may hold, in characters. Coded columns (dates, amounts, codes)
     * accept up to 64 here, so that a wrong value is reported for what it is (not a date, not a
     * currency…) rather than as too long, while a message never echoes more than that.
     */
    public int maxLength() {
        return maxLength;
    }

    public static Optional<LedgerColumn> named(String header) {
        for (LedgerColumn column : values()) {
            if (column.header().equals(header)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
