package org.directbill.revenue.domain;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mechanics shared by ledger and payments files (ledger-format.md): UTF-8 text with an optional
 * byte-order mark, a header naming the columns in any order, then one record per line, comma-
 * separated with RFC 4180 quoting or tab-separated. It reads the header (refusing a file that lacks
 * a required column), then hands over each record's values in the order of the expected columns,
 * streaming: nothing is kept per line.
 */
final class DelimitedFile {

    /** A column a file is expected to have. */
    record Column(String name, boolean required) {}

    /** Receives each well-formed record: its line number and its values, "" where a column is absent. */
    interface Rows {
        void row(long line, String[] values);
    }

    /**
     * TSV has no quoting: a character that never starts a value of well-formed text stands for the
     * quote. A low surrogate only ever follows a high one, and strict UTF-8 decoding never gives a
     * lone one; U+0000, by contrast, may well be in a file, and is then a character like any other.
     */
    private static final char NO_QUOTE = '\uDC00';

    /** FastCSV names the line where the record it could not read starts. */
    private static final Pattern RECORD_START = Pattern.compile("record starting at line (\\d+)");

    /** How much of an unknown column's name a warning shows. */
    private static final int SHOWN_NAME_LENGTH = 64;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final LineCounter text;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final int width;
    private final int[] positions;
    private final List<FileError> warnings = new ArrayList<>();
    private long lastLine = 1;

    private DelimitedFile(Reader text, FileFormat format, List<Column> columns) {
        this.text = new LineCounter(text);
        this.reader = CsvReader.builder()
                .fieldSeparator(format.separator())
                .quoteCharacter(format == FileFormat.CSV ? '"' : NO_QUOTE)
                .skipEmptyLines(true)
                // Each record's width is checked here, to say which line is wrong and how.
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .ofCsvRecord(this.text);
        this.records = reader.iterator();
        List<FileError> errors = new ArrayList<>();
        List<String> names = readHeader(errors);
        int used = names.size();
        while (used > 0 && names.get(used - 1).isEmpty()) {
            used--; // a trailing separator on the header line
        }
        this.width = used;
        this.positions = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            positions[i] = names.indexOf(column.name());
            if (positions[i] >= 0 && names.lastIndexOf(column.name()) != positions[i]) {
                errors.add(FileError.of(1, column.name(), "DUPLICATE_COLUMN", column.name()));
            } else if (positions[i] < 0 && column.required()) {
                errors.add(FileError.of(1, column.name(), "MISSING_COLUMN", column.name()));
            }
        }
        List<String> expected = columns.stream().map(Column::name).toList();
        Set<String> unknown = new LinkedHashSet<>();
        for (int position = 0; position < width; position++) {
            String name = names.get(position);
            if (!name.isEmpty() && !expected.contains(name)) {
                unknown.add(shown(name));
            }
        }
        unknown.forEach(name -> warnings.add(FileError.of(1, name, "UNKNOWN_COLUMN", name)));
        if (!errors.isEmpty()) {
            close();
            throw new InvalidFileHeader(errors);
        }
    }

    /**
     * Opens a file and reads its header; refuses it ({@link InvalidFileHeader}) when it is empty,
     * unreadable, or lacks a required column or names one twice.
     */
    static DelimitedFile open(Reader text, FileFormat format, List<Column> columns) {
        return new DelimitedFile(text, format, columns);
    }

    private List<String> readHeader(List<FileError> errors) {
        try {
            if (!records.hasNext()) {
                close();
                throw new InvalidFileHeader(List.of(FileError.of(1, null, "EMPTY_FILE")));
            }
            CsvRecord header = records.next();
            List<String> names = new ArrayList<>(header.getFields());
            if (!names.get(0).isEmpty() && names.get(0).charAt(0) == BYTE_ORDER_MARK) {
                names.set(0, names.get(0).substring(1));
            }
            names.replaceAll(name -> name.strip().toLowerCase(Locale.ROOT));
            lastLine = header.getStartingLineNumber();
            if (lastLine != 1) {
                errors.add(FileError.of(1, null, "EMPTY_FILE"));
            }
            return names;
        } catch (CsvParseException unreadable) {
            close();
            throw new InvalidFileHeader(List.of(FileError.of(1, null, "MALFORMED_CSV")));
        } catch (UncheckedIOException unreadable) {
            if (!(unreadable.getCause() instanceof CharacterCodingException)) {
                throw unreadable;
            }
            close();
            // In the header, or just after it where the reader looked ahead: the line says which.
            throw new InvalidFileHeader(List.of(FileError.of(text.line(), null, "NOT_UTF8")));
        }
    }

    /** What the header had that is not read: each unknown column, once. */
    List<FileError> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Reads every record to the end, handing the well-formed ones to {@code rows} and reporting the
     * others to {@code errors}; returns how many records were read. A file whose quoting breaks
     * cannot be read further: the error says where, and reading stops.
     */
    long read(Rows rows, FileErrors errors) {
        long read = 0;
        try {
            while (records.hasNext()) {
                CsvRecord record = records.next();
                lastLine = record.getStartingLineNumber();
                read++;
                int fields = record.getFieldCount();
                while (fields > width && record.getField(fields - 1).isEmpty()) {
                    fields--; // trailing separators
                }
                if (fields != width) {
                    errors.add(FileError.of(
                            lastLine, null, "MALFORMED_ROW", String.valueOf(fields), String.valueOf(width)));
                    continue;
                }
                String[] values = new String[positions.length];
                for (int i = 0; i < positions.length; i++) {
                    values[i] = positions[i] < 0 ? "" : record.getField(positions[i]);
                }
                rows.row(lastLine, values);
            }
        } catch (CsvParseException unreadable) {
            errors.add(FileError.of(recordStart(unreadable), null, "MALFORMED_CSV"));
        } catch (UncheckedIOException unreadable) {
            if (!(unreadable.getCause() instanceof CharacterCodingException)) {
                throw unreadable;
            }
            errors.add(FileError.of(text.line(), null, "NOT_UTF8"));
        } finally {
            close();
        }
        return read;
    }

    /** The line where the record that could not be read starts (after the last one read, if unsaid). */
    private long recordStart(CsvParseException unreadable) {
        Matcher start = RECORD_START.matcher(String.valueOf(unreadable.getMessage()));
        return start.find() ? Long.parseLong(start.group(1)) : lastLine + 1;
    }

    /**
     * Whether a value holds a control character other than a tab or a line break: no ledger value
     * has one, and U+0000 cannot even be stored as text (PostgreSQL refuses it).
     */
    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** A header name as a message may show it: at most 64 characters, control characters replaced. */
    private static String shown(String name) {
        StringBuilder shown = new StringBuilder(Math.min(name.length(), SHOWN_NAME_LENGTH + 1));
        for (int i = 0; i < name.length() && shown.length() < SHOWN_NAME_LENGTH; i++) {
            char c = name.charAt(i);
            shown.append(Character.isISOControl(c) ? '\uFFFD' : c);
        }
        if (Character.isHighSurrogate(shown.charAt(shown.length() - 1))) {
            shown.setLength(shown.length() - 1);
        }
        return shown.length() < name.length() ? shown + "…" : shown.toString();
    }

    private void close() {
        try {
            reader.close();
        } catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    /**
     * Counts the lines of the text handed to the CSV reader (a line ends with LF, CR LF or CR, as
     * FastCSV counts them), so that where decoding fails, the line is known: every character before
     * the bad bytes has been handed over by then (see {@link StrictUtf8Reader}).
     */
    private static final class LineCounter extends FilterReader {

        private long breaks;
        private boolean afterCarriageReturn;

        LineCounter(Reader in) {
            super(in);
        }

        /** The line the next character is on. */
        long line() {
            return breaks + 1;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                count(buffer[i]);
            }
            return read;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("lines are counted: nothing is skipped");
        }

        private void count(char c) {
            if (c == '\n') {
                if (!afterCarriageReturn) {
                    breaks++;
                }
                afterCarriageReturn = false;
            } else {
                afterCarriageReturn = c == '\r';
                if (afterCarriageReturn) {
                    breaks++;
                }
            }
        }
    }
}
