package org.directbill.revenue.domain;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules of an exchange-rate file in the European Central Bank's shape (ledger-format.md): a
 * header {@code Date,USD,JPY,…} (a trailing empty column may follow, a UTF-8 byte-order mark may
 * precede), then one row per publication date {@code YYYY-MM-DD} with the units of each currency
 * per 1 EUR; {@code N/A} or empty means no rate that day. Any ISO 4217 code may be a column.
 *
 * <p>The file is read as a stream. Its rates are handed over in batches for as long as no error has
 * been met; once one is, the rest is only checked, so that the answer lists every error. A refused
 * file must keep nothing: the receiver of the batches works inside a transaction that the refusal
 * rolls back.
 */
public final class EcbRateFile {

    /** The errors listed in an answer; beyond that they are only counted (as for ledger files). */
    public static final int MAX_LISTED_ERRORS = 1000;

    /** What a NUMERIC(38, 18) column holds without rounding. */
    public static final int MAX_INTEGER_DIGITS = 20;

    public static final int MAX_FRACTION_DIGITS = 18;

    public static final String DATE_COLUMN = "Date";

    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private EcbRateFile() {}

    /** What reading a file found: how many data rows it has and, when it is refused, why. */
    public record Outcome(long rowsRead, List<RateFileError> errors, long errorCount) {

        public Outcome {
            errors = List.copyOf(errors);
        }

        public boolean accepted() {
            return errorCount == 0;
        }

        public void throwIfRefused() {
            if (!accepted()) {
                throw new InvalidRateFile(errors, errorCount);
            }
        }
    }

    /**
     * Reads a whole file, handing its rates to {@code batches} about {@code batchRows} rows at a
     * time, while the file is free of errors.
     */
    public static Outcome read(Reader csv, int batchRows, Consumer<List<ReferenceRate>> batches) {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be positive");
        }
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(true)
                // Rows are checked against the header here, to say which line is wrong and how.
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .ofCsvRecord(csv)) {
            return new Reading(batchRows, batches).of(reader.iterator());
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    /** A rate as written in a cell: a positive plain decimal that fits the store unrounded. */
    public static @Nullable BigDecimal rate(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        int fractionDigits = Math.max(value.scale(), 0);
        int integerDigits = value.precision() - value.scale();
        if (value.signum() <= 0 || fractionDigits > MAX_FRACTION_DIGITS || integerDigits > MAX_INTEGER_DIGITS) {
            return null;
        }
        return value;
    }

    /**
     * A date as written in a cell: {@code YYYY-MM-DD}, and a real day. Read by hand rather than by
     * {@code LocalDate.parse}, which costs several times more: ledgers have two dates on each of
     * millions of lines. The year is from 1 on: ISO 8601 reads 0000 as 1 BC, which PostgreSQL's
     * dates do not have.
     */
    public static @Nullable LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notADay) {
            return null; // e.g. 2021-02-29
        }
    }

    /** The number written by the ASCII digits from {@code start} to {@code end}; -1 if any is not one. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static boolean isNoRate(String cell) {
        return cell.isEmpty() || cell.equalsIgnoreCase("N/A");
    }

    /** The state of one reading: the header's columns, the dates seen, the errors, the pending batch. */
    private static final class Reading {

        private final int batchRows;
        private final Consumer<List<ReferenceRate>> batches;
        private final List<RateFileError> errors = new ArrayList<>();
        private final Map<LocalDate, Long> dateLines = new HashMap<>();
        private final List<ReferenceRate> pending = new ArrayList<>();
        private long errorCount;
        private long rowsRead;
        private int pendingRows;
        private long lastLine = 1;

        // From the header: how many columns count, which one holds the date, and each column's currency
        // (null for the date column and for a column refused in the header).
        private int width;
        private int dateColumn = -1;
        private String[] labels = new String[0];
        private @Nullable String[] currencies = new String[0];

        Reading(int batchRows, Consumer<List<ReferenceRate>> batches) {
            this.batchRows = batchRows;
            this.batches = batches;
        }

        Outcome of(Iterator<CsvRecord> records) {
            try {
                if (!records.hasNext()) {
                    error(1, null, "EMPTY_FILE");
                    return outcome();
                }
                CsvRecord header = records.next();
                lastLine = header.getStartingLineNumber();
                if (!header(header)) {
                    return outcome();
                }
                while (records.hasNext()) {
                    CsvRecord row = records.next();
                    lastLine = row.getStartingLineNumber();
                    row(row);
                }
            } catch (CsvParseException unreadable) {
                // The parser cannot go on (e.g. a quote never closed): say where it stopped.
                error(lastLine + 1, null, "MALFORMED_CSV");
                return outcome();
            }
            if (errorCount == 0) {
                flush();
            }
            return outcome();
        }

        private Outcome outcome() {
            return new Outcome(rowsRead, errors, errorCount);
        }

        /** Reads the columns; false when the rows cannot be read at all (no date column). */
        private boolean header(CsvRecord header) {
            long line = header.getStartingLineNumber();
            List<String> names = new ArrayList<>(header.getFields());
            if (!names.isEmpty() && !names.get(0).isEmpty() && names.get(0).charAt(0) == BYTE_ORDER_MARK) {
                names.set(0, names.get(0).substring(1));
            }
            names.replaceAll(String::strip);
            width = names.size();
            while (width > 0 && names.get(width - 1).isEmpty()) {
                width--;
            }
            labels = new String[width];
            currencies = new String[width];
            Set<String> seen = new HashSet<>();
            for (int column = 0; column < width; column++) {
                String name = names.get(column);
                labels[column] = name.isEmpty() ? String.valueOf(column + 1) : name;
                if (name.equalsIgnoreCase(DATE_COLUMN)) {
                    if (dateColumn >= 0) {
                        error(line, name, "DUPLICATE_COLUMN", name);
                    } else {
                        dateColumn = column;
                    }
                } else if (name.isEmpty()) {
                    error(line, labels[column], "UNNAMED_COLUMN", labels[column]);
                } else if (!CurrencyCodes.isIso4217(name)) {
                    error(line, name, "UNKNOWN_CURRENCY", name);
                } else if (name.equals("EUR")) {
                    error(line, name, "BASE_CURRENCY", name);
                } else if (!seen.add(name)) {
                    error(line, name, "DUPLICATE_COLUMN", name);
                } else {
                    currencies[column] = name;
                }
            }
            if (dateColumn < 0) {
                error(line, DATE_COLUMN, "MISSING_COLUMN", DATE_COLUMN);
                return false;
            }
            return true;
        }

        private void row(CsvRecord row) {
            long line = row.getStartingLineNumber();
            rowsRead++;
            List<String> cells = row.getFields();
            if (cells.size() < width || hasValuesBeyondHeader(cells)) {
                error(line, null, "MALFORMED_ROW", String.valueOf(valueCount(cells)), String.valueOf(width));
                return;
            }
            String dateText = cells.get(dateColumn).strip();
            LocalDate date = date(dateText);
            if (date == null) {
                error(line, labels[dateColumn], "BAD_DATE", dateText);
            } else {
                Long firstLine = dateLines.putIfAbsent(date, line);
                if (firstLine != null) {
                    error(line, labels[dateColumn], "DUPLICATE_DATE", dateText, String.valueOf(firstLine));
                }
            }
            for (int column = 0; column < width; column++) {
                String currency = currencies[column];
                if (currency == null) {
                    continue;
                }
                String cell = cells.get(column).strip();
                if (isNoRate(cell)) {
                    continue;
                }
                BigDecimal rate = rate(cell);
                if (rate == null) {
                    error(line, currency, "BAD_RATE", cell);
                } else if (date != null && errorCount == 0) {
                    pending.add(new ReferenceRate(date, currency, rate));
                }
            }
            if (errorCount > 0) {
                pending.clear();
            } else if (++pendingRows >= batchRows) {
                flush();
            }
        }

        private boolean hasValuesBeyondHeader(List<String> cells) {
            for (int column = width; column < cells.size(); column++) {
                if (!cells.get(column).isBlank()) {
                    return true;
                }
            }
            return false;
        }

        /** The cells of a row without its trailing empty ones, as a person would count them. */
        private static int valueCount(List<String> cells) {
            int count = cells.size();
            while (count > 0 && cells.get(count - 1).isBlank()) {
                count--;
            }
            return count;
        }

        private void flush() {
            if (!pending.isEmpty()) {
                batches.accept(List.copyOf(pending));
                pending.clear();
            }
            pendingRows = 0;
        }

        private void error(long line, @Nullable String column, String code, String... arguments) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(RateFileError.of(line, column, code, arguments));
            }
        }
    }
}
