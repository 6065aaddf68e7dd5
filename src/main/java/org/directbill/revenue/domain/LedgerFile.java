package org.directbill.revenue.domain;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A sales ledger file (ledger-format.md) read as a stream: the header is checked when the file is
 * opened, then every line is checked on its own — required values, lengths, dates, amounts,
 * categories, currencies, countries and known locations — and handed over when valid. Every error
 * is reported, with its line and column; whether a file with errors keeps anything is the caller's
 * rule (all or nothing).
 */
public final class LedgerFile {

    /** Receives each valid line with its line number in the file. */
    public interface Entries {
        void entry(long line, LedgerEntry entry);
    }

    /** Up to 15 digits before the point and 4 after, as NUMERIC(19, 4) holds; a minus sign allowed. */
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,15}(\\.\\d{1,4})?");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final List<DelimitedFile.Column> COLUMNS = Arrays.stream(LedgerColumn.values())
            .map(column -> new DelimitedFile.Column(column.header(), column.required()))
            .toList();

    private final DelimitedFile file;
    private final Predicate<String> knownLocation;

    private LedgerFile(DelimitedFile file, Predicate<String> knownLocation) {
        this.file = file;
        this.knownLocation = knownLocation;
    }

    /**
     * Opens a ledger and reads its header; refuses it at once ({@link InvalidFileHeader}) when it
     * is empty or lacks a required column.
     */
    public static LedgerFile open(Reader text, FileFormat format, Predicate<String> knownLocation) {
        return new LedgerFile(DelimitedFile.open(text, format, COLUMNS), knownLocation);
    }

    /** What the header had that will not be read (unknown columns), each reported once. */
    public List<FileError> warnings() {
        return file.warnings();
    }

    /** Reads every line: valid ones go to {@code entries}, the rest to {@code errors}; returns the lines read. */
    public long read(Entries entries, FileErrors errors) {
        return file.read(
                (line, values) -> {
                    LedgerEntry entry = entry(line, values, errors);
                    if (entry != null) {
                        entries.entry(line, entry);
                    }
                },
                errors);
    }

    private @Nullable LedgerEntry entry(long line, String[] values, FileErrors errors) {
        Cells cells = new Cells(line, values, errors);
        String lineId = cells.text(LedgerColumn.LINE_ID);
        String invoiceId = cells.text(LedgerColumn.INVOICE_ID);
        String locationId = cells.text(LedgerColumn.LOCATION_ID);
        if (locationId != null && !knownLocation.test(locationId)) {
            cells.error(LedgerColumn.LOCATION_ID, "UNKNOWN_LOCATION", locationId);
        }
        String customerId = cells.text(LedgerColumn.CUSTOMER_ID);
        String country = cells.text(LedgerColumn.CUSTOMER_COUNTRY);
        if (country != null && !COUNTRIES.contains(country)) {
            cells.error(LedgerColumn.CUSTOMER_COUNTRY, "UNKNOWN_COUNTRY", country);
        }
        ProductCategory category = null;
        String categoryCode = cells.text(LedgerColumn.PRODUCT_CATEGORY);
        if (categoryCode != null) {
            category = ProductCategory.parse(categoryCode).orElse(null);
            if (category == null) {
                cells.error(LedgerColumn.PRODUCT_CATEGORY, "UNKNOWN_CATEGORY", categoryCode);
            }
        }
        String productName = cells.text(LedgerColumn.PRODUCT_NAME);
        String chargeType = cells.text(LedgerColumn.CHARGE_TYPE);
        LocalDate billingDate = cells.date(LedgerColumn.BILLING_DATE);
        LocalDate paidDate = cells.date(LedgerColumn.PAID_DATE);
        BigDecimal amount = null;
        String amountText = cells.text(LedgerColumn.AMOUNT);
        if (amountText != null) {
            if (AMOUNT.matcher(amountText).matches()) {
                amount = new BigDecimal(amountText);
            } else {
                cells.error(LedgerColumn.AMOUNT, "BAD_AMOUNT", amountText);
            }
        }
        String currency = cells.text(LedgerColumn.CURRENCY);
        if (currency != null && !CurrencyCodes.isIso4217(currency)) {
            cells.error(LedgerColumn.CURRENCY, "UNKNOWN_CURRENCY", currency);
        }
        if (cells.failed) {
            return null;
        }
        return new LedgerEntry(
                lineId,
                invoiceId,
                locationId,
                customerId,
                country,
                category,
                productName,
                chargeType,
                billingDate,
                paidDate,
                amount,
                currency);
    }

    /** The values of one line, read column by column, with the errors they hold. */
    private static final class Cells {

        private final long line;
        private final String[] values;
        private final FileErrors errors;
        boolean failed;

        Cells(long line, String[] values, FileErrors errors) {
            this.line = line;
            this.values = values;
            this.errors = errors;
        }

        /**
         * The value, stripped; {@code null} when empty (an error when the column is required), or
         * when it holds a control character or is too long (errors).
         */
        @Nullable
        String text(LedgerColumn column) {
            String value = values[column.ordinal()].strip();
            if (value.isEmpty()) {
                if (column.required()) {
                    error(column, "MISSING_VALUE");
                }
                return null;
            }
            if (DelimitedFile.hasControlCharacter(value)) {
                error(column, "BAD_CHARACTER");
                return null;
            }
            if (value.length() > column.maxLength()) {
                error(column, "TOO_LONG", String.valueOf(column.maxLength()));
                return null;
            }
            return value;
        }

        @Nullable
        LocalDate date(LedgerColumn column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            LocalDate date = EcbRateFile.date(text);
            if (date == null) {
                error(column, "BAD_DATE", text);
            }
            return date;
        }

        void error(LedgerColumn column, String code, String... arguments) {
            failed = true;
            errors.add(FileError.of(line, column.header(), code, arguments));
        }
    }
}
