package org.directbill.revenue.domain;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A payments file (ledger-format.md): {@code invoice_id,paid_date}, each line marking every line of
 * an invoice paid on that date. Read as a stream like a ledger; whether the invoices exist is
 * checked against the stored ledger by the import.
 */
public final class PaymentFile {

    public static final String INVOICE_ID = "invoice_id";
    public static final String PAID_DATE = "paid_date";

    /** One valid line: the invoice and the day it was paid. */
    public record Payment(String invoiceId, LocalDate paidDate) {}

    /** Receives each valid line with its line number. */
    public interface Payments {
        void payment(long line, Payment payment);
    }

    private static final List<DelimitedFile.Column> COLUMNS =
            List.of(new DelimitedFile.Column(INVOICE_ID, true), new DelimitedFile.Column(PAID_DATE, true));

    private final DelimitedFile file;

    private PaymentFile(DelimitedFile file) {
        this.file = file;
    }

    public static PaymentFile open(Reader text, FileFormat format) {
        return new PaymentFile(DelimitedFile.open(text, format, COLUMNS));
    }

    public List<FileError> warnings() {
        return file.warnings();
    }

    public long read(Payments payments, FileErrors errors) {
        return file.read(
                (line, values) -> {
                    Payment payment = payment(line, values, errors);
                    if (payment != null) {
                        payments.payment(line, payment);
                    }
                },
                errors);
    }

    private static @Nullable Payment payment(long line, String[] values, FileErrors errors) {
        String invoice = values[0].strip();
        String paid = values[1].strip();
        boolean failed = false;
        if (invoice.isEmpty()) {
            errors.add(FileError.of(line, INVOICE_ID, "MISSING_VALUE"));
            failed = true;
        } else if (DelimitedFile.hasControlCharacter(invoice)) {
            errors.add(FileError.of(line, INVOICE_ID, "BAD_CHARACTER"));
            failed = true;
        } else if (invoice.length() > LedgerColumn.INVOICE_ID.maxLength()) {
            errors.add(FileError.of(line, INVOICE_ID, "TOO_LONG", String.valueOf(LedgerColumn.INVOICE_ID.maxLength())));
            failed = true;
        }
        LocalDate date = null;
        if (paid.isEmpty()) {
            errors.add(FileError.of(line, PAID_DATE, "MISSING_VALUE"));
            failed = true;
        } else if (DelimitedFile.hasControlCharacter(paid)) {
            errors.add(FileError.of(line, PAID_DATE, "BAD_CHARACTER"));
            failed = true;
        } else if (paid.length() > LedgerColumn.PAID_DATE.maxLength()) {
            errors.add(FileError.of(line, PAID_DATE, "TOO_LONG", String.valueOf(LedgerColumn.PAID_DATE.maxLength())));
            failed = true;
        } else {
            date = EcbRateFile.date(paid);
            if (date == null) {
                errors.add(FileError.of(line, PAID_DATE, "BAD_DATE", paid));
                failed = true;
            }
        }
        return failed ? null : new Payment(invoice, date);
    }
}
