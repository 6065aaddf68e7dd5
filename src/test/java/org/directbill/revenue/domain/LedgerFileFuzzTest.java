package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Any bytes, read as a ledger (CSV or TSV) the way an import reads them: the file is refused at
 * once ({@link InvalidFileHeader}) or read to the end; nothing else is ever thrown, every line
 * handed over meets the column rules, and every error says where it is with a known code.
 *
 * <p>A normal build runs it on the inputs in {@code LedgerFileFuzzTestInputs}; README.md says how
 * to fuzz.
 */
class LedgerFileFuzzTest {

    static final Set<String> KNOWN = Set.of("PLA-1", "PLA-2");

    static final Set<String> HEADER_CODES =
            Set.of("EMPTY_FILE", "MISSING_COLUMN", "DUPLICATE_COLUMN", "MALFORMED_CSV", "NOT_UTF8");

    static final Set<String> LINE_CODES = Set.of(
            "MALFORMED_ROW",
            "MALFORMED_CSV",
            "NOT_UTF8",
            "MISSING_VALUE",
            "TOO_LONG",
            "BAD_CHARACTER",
            "BAD_DATE",
            "BAD_AMOUNT",
            "UNKNOWN_CATEGORY",
            "UNKNOWN_CURRENCY",
            "UNKNOWN_COUNTRY",
            "UNKNOWN_LOCATION");

    /** Errors after which nothing more is read. */
    static final Set<String> STOPS = Set.of("MALFORMED_CSV", "NOT_UTF8");

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** What one reading gave, to compare two readings of the same text. */
    record Outcome(
            @Nullable List<FileError> refused,
            List<FileError> warnings,
            List<Long> lines,
            List<LedgerEntry> entries,
            List<FileError> errors,
            long count,
            long read) {}

    @FuzzTest
    void any_bytes_are_refused_at_once_or_read_to_the_end_and_every_line_handed_over_is_valid(FuzzedDataProvider data) {
        FileFormat format = data.consumeBoolean() ? FileFormat.TSV : FileFormat.CSV;
        boolean withHeader = data.consumeBoolean();
        byte[] fuzzed = data.consumeRemainingAsBytes();
        byte[] bytes = withHeader ? withValidHeader(format, fuzzed) : fuzzed;

        Outcome outcome = read(StrictUtf8Reader.of(new ByteArrayInputStream(bytes)), format);

        if (outcome.refused() != null) {
            assertThat(outcome.refused()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.code()).isIn(HEADER_CODES);
                assertThat(error.line()).isPositive();
            });
        } else {
            checkRead(outcome);
        }
        // Text that is UTF-8 reads the same whatever the reader.
        String text = utf8(bytes);
        if (text != null) {
            assertThat(read(new StringReader(text), format)).isEqualTo(outcome);
        }
    }

    private static byte[] withValidHeader(FileFormat format, byte[] lines) {
        String header = LedgerFileTest.HEADER.replace(',', format.separator()) + "\n";
        byte[] start = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(start.length + lines.length)
                .put(start)
                .put(lines)
                .array();
    }

    private static Outcome read(Reader text, FileFormat format) {
        LedgerFile file;
        try {
            file = LedgerFile.open(text, format, KNOWN::contains);
        } catch (InvalidFileHeader refused) {
            return new Outcome(refused.errors(), List.of(), List.of(), List.of(), List.of(), 0, 0);
        }
        List<Long> lines = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        FileErrors errors = new FileErrors();
        long read = file.read(
                (line, entry) -> {
                    lines.add(line);
                    entries.add(entry);
                },
                errors);
        return new Outcome(null, file.warnings(), lines, entries, errors.listed(), errors.count(), read);
    }

    private static void checkRead(Outcome outcome) {
        assertThat(outcome.warnings()).allSatisfy(warning -> {
            assertThat(warning.code()).isEqualTo("UNKNOWN_COLUMN");
            assertThat(warning.line()).isEqualTo(1);
            assertThat(warning.column()).isNotEmpty().hasSizeLessThanOrEqualTo(65);
            assertThat(warning.arguments()).containsExactly(warning.column());
        });
        assertThat(outcome.warnings()).doesNotHaveDuplicates();

        assertThat(outcome.entries()).allSatisfy(LedgerFileFuzzTest::checkEntry);
        assertThat(outcome.lines()).allMatch(line -> line >= 2).isSorted().doesNotHaveDuplicates();
        assertThat(outcome.read()).isGreaterThanOrEqualTo(outcome.entries().size());

        List<FileError> errors = outcome.errors();
        assertThat(errors.size()).isLessThanOrEqualTo(FileErrors.MAX_LISTED);
        assertThat((long) errors.size()).isLessThanOrEqualTo(outcome.count());
        if (outcome.count() <= FileErrors.MAX_LISTED) {
            assertThat((long) errors.size()).isEqualTo(outcome.count());
        }
        assertThat(errors).isSortedAccordingTo(Comparator.comparingLong(FileError::line));
        assertThat(errors).allSatisfy(error -> {
            assertThat(error.code()).isIn(LINE_CODES);
            assertThat(error.line()).isGreaterThanOrEqualTo(2);
            if (error.column() != null) {
                assertThat(LedgerColumn.named(error.column())).isPresent();
            }
            assertThat(String.join("", error.arguments())).hasSizeLessThanOrEqualTo(255);
            assertThat(outcome.lines()).doesNotContain(error.line());
        });
        errors.stream().filter(error -> STOPS.contains(error.code())).forEach(stop -> {
            assertThat(errors).last().isEqualTo(stop);
            assertThat(outcome.lines()).allMatch(line -> line < stop.line());
        });
    }

    private static void checkEntry(LedgerEntry entry) {
        for (LedgerColumn column : LedgerColumn.values()) {
            String value = entry.value(column);
            if (column.required()) {
                assertThat(value).as(column.header()).isNotEmpty();
            }
            assertThat(value).as(column.header()).hasSizeLessThanOrEqualTo(column.maxLength());
            assertThat(value.strip()).as(column.header()).isEqualTo(value);
            assertThat(value.chars().filter(c -> c < ' ' && c != '\t' && c != '\n' && c != '\r'))
                    .as(column.header())
                    .isEmpty();
        }
        assertThat(entry.locationId()).isIn(KNOWN);
        if (entry.customerCountry() != null) {
            assertThat(entry.customerCountry()).isIn(COUNTRIES);
        }
        assertThat(entry.category()).isNotNull();
        assertThat(entry.billingDate().getYear()).isBetween(1, 9999);
        if (entry.paidDate() != null) {
            assertThat(entry.paidDate().getYear()).isBetween(1, 9999);
        }
        BigDecimal amount = entry.amount();
        assertThat(amount.scale()).isBetween(0, 4);
        assertThat(amount.precision() - amount.scale()).isLessThanOrEqualTo(15);
        assertThat(entry.currency()).matches(CURRENCY);
        assertThat(CurrencyCodes.isIso4217(entry.currency())).isTrue();
    }

    /** The bytes as text when they are UTF-8 from end to end; {@code null} when not. */
    private static @Nullable String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
