package org.directbill.revenue.internal;

import java.util.List;
import java.util.UUID;
import org.directbill.revenue.domain.LedgerEntry;

/** The columns ledger lines are written with, staged or stored, and their values in that order. */
final class LedgerRows {

    static final List<String> STAGED = List.of(
            "import_id",
            "line_no",
            "line_id",
            "invoice_id",
            "location_id",
            "customer_id",
            "customer_country",
            "product_category",
            "product_name",
            "charge_type",
            "billing_date",
            "paid_date",
            "amount",
            "currency");

    /** A stored line: the same without the line number; its verification starts as NONE (the default). */
    static final List<String> STORED =
            STAGED.stream().filter(column -> !column.equals("line_no")).toList();

    private LedgerRows() {}

    static void stage(BulkLoader.Writer writer, UUID stagingId, long line, LedgerEntry entry) {
        writer.add(
                stagingId,
                line,
                entry.lineId(),
                entry.invoiceId(),
                entry.locationId(),
                entry.customerId(),
                entry.customerCountry(),
                entry.category().name(),
                entry.productName(),
                entry.chargeType(),
                entry.billingDate(),
                entry.paidDate(),
                entry.amount(),
                entry.currency());
    }

    static void store(BulkLoader.Writer writer, UUID importId, LedgerEntry entry) {
        writer.add(
                importId,
                entry.lineId(),
                entry.invoiceId(),
                entry.locationId(),
                entry.customerId(),
                entry.customerCountry(),
                entry.category().name(),
                entry.productName(),
                entry.chargeType(),
                entry.billingDate(),
                entry.paidDate(),
                entry.amount(),
                entry.currency());
    }
}
