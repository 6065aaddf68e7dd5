package org.directbill.revenue.domain;

/** What a file brings to the ledger (ledger-format.md): sales, or payments of invoices. */
public enum ImportKind {
    LEDGER,
    PAYMENTS
}
