package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reading rules of a sales ledger file (ledger-format.md, "Sales ledger"), line by line. */
class LedgerFileTest {

    static final String HEADER = "line_id,invoice_id,location_id,customer_id,customer_country,"
            + "product_category,product_name,charge_type,billing_date,paid_date,amount,currency";

    static final Set<String> KNOWN = Set.of("PLA-1", "PLA-2");

    /** A valid line in the order of {@link #HEADER}, with one value per column changed as given. */
    static String line(String lineId, String... changes) {
        return String.join(",", values(lineId, changes));
    }

    /** The same, tab-separated. */
    static String tsvLine(String lineId, String... changes) {
        return String.join("\t", values(lineId, changes));
    }

    static String tsv(String... lines) {
        return HEADER.replace(',', '\t') + "\n" + String.join("\n", lines) + "\n";
    }

    private static String[] values(String lineId, String... changes) {
        String[] values = {
            lineId,
            "INV-1",
            "PLA-1",
            "CUST-1",
            "FR",
            "AZURE_CONSUMPTION",
            "Azure plan",
            "NEW",
            "2020-05-04",
            "",
            "10.50",
            "EUR"
        };
        for (int i = 0; i < changes.length; i += 2) {
            values[column(changes[i]).ordinal()] = changes[i + 1];
        }
        return values;
    }

    private static LedgerColumn column(String header) {
        return LedgerColumn.named(header).orElseThrow();
    }

    static String file(String... lines) {
        return HEADER + "\n" + String.join("\n", lines) + "\n";
    }

    /** What reading a file gave. */
    record Read(List<Long> lines, List<LedgerEntry> entries, FileErrors errors, List<FileError> warnings, long read) {

        LedgerEntry only() {
            assertThat(entries).hasSize(1);
            return entries.get(0);
        }

        List<FileError> listed() {
            return errors.listed();
        }
    }

    static Read read(Reader text, FileFormat format) {
        LedgerFile file = LedgerFile.open(text, format, KNOWN::contains);
        List<Long> lines = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        FileErrors errors = new FileErrors();
        long read = file.read(
                (line, entry) -> {
                    lines.add(line);
                    entries.add(entry);
                },
                errors);
        return new Read(lines, entries, errors, file.warnings(), read);
    }

    static Read read(String csv) {
        return read(new StringReader(csv), FileFormat.CSV);
    }

    /** Bytes read as the import reads them: strictly UTF-8. */
    static Read read(byte[] bytes, FileFormat format) {
        return read(StrictUtf8Reader.of(new ByteArrayInputStream(bytes)), format);
    }

    static InvalidFileHeader refused(String csv) {
        return catchThrowableOfType(InvalidFileHeader.class, () -> read(csv));
    }

    /** The errors of a file with one line in it. */
    static List<FileError> errorsOf(String line) {
        Read read = read(file(line));
        assertThat(read.entries()).isEmpty();
        return read.listed();
    }

    static FileError error(long line, String column, String code, String... arguments) {
        return FileError.of(line, column, code, arguments);
    }

    // The header

    @Test
    void a_valid_line_is_read_with_every_value_checked_and_typed() {
        LedgerEntry entry = read(file(line("L-1", "paid_date", "2020-06-01"))).only();

        assertThat(entry)
                .isEqualTo(new LedgerEntry(
                        "L-1",
                        "INV-1",
                        "PLA-1",
                        "CUST-1",
                        "FR",
                        ProductCategory.AZURE_CONSUMPTION,
                        "Azure plan",
                        "NEW",
                        LocalDate.parse("2020-05-04"),
                        LocalDate.parse("2020-06-01"),
                        new BigDecimal("10.50"),
                        "EUR"));
        // The amount keeps the scale it was written with.
        assertThat(entry.amount().scale()).isEqualTo(2);
    }

    @Test
    void the_columns_may_come_in_any_order() {
        String csv = "currency,amount,paid_date,billing_date,charge_type,product_name,product_category,"
                + "customer_country,customer_id,location_id,invoice_id,line_id\n"
                + "EUR,10.50,,2020-05-04,NEW,Azure plan,AZURE_CONSUMPTION,FR,CUST-1,PLA-1,INV-1,L-1\n";

        assertThat(read(csv).only()).isEqualTo(read(file(line("L-1"))).only());
    }

    @Test
    void header_names_are_read_whatever_their_case_and_surrounding_spaces() {
        String csv = HEADER.toUpperCase().replace(",", " , ") + "\n" + line("L-1") + "\n";

        Read read = read(csv);
        assertThat(read.only().lineId()).isEqualTo("L-1");
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void extra_columns_are_ignored_and_reported_once_as_a_warning() {
        String csv = "reseller," + HEADER + ",Notes\n"
                + "R1," + line("L-1") + ",a note\n"
                + "R2," + line("L-2") + ",another\n";

        Read read = read(csv);

        assertThat(read.entries()).extracting(LedgerEntry::lineId).containsExactly("L-1", "L-2");
        assertThat(read.warnings())
                .containsExactly(
                        error(1, "reseller", "UNKNOWN_COLUMN", "reseller"),
                        error(1, "notes", "UNKNOWN_COLUMN", "notes"));
        assertThat(read.errors().isEmpty()).isTrue();
    }

    @Test
    void an_extra_column_named_twice_is_still_reported_once() {
        Read read = read(HEADER + ",x,x\n" + line("L-1") + ",1,2\n");

        assertThat(read.warnings()).containsExactly(error(1, "x", "UNKNOWN_COLUMN", "x"));
        assertThat(read.entries()).hasSize(1);
    }

    @Test
    void a_warning_shows_at_most_64_characters_of_a_column_name_and_no_control_character() {
        Read read = read(HEADER + "," + "n".repeat(500) + ",a\u0000b\n" + line("L-1") + ",1,2\n");

        String shown = "n".repeat(64) + "…";
        assertThat(read.warnings())
                .containsExactly(
                        error(1, shown, "UNKNOWN_COLUMN", shown), error(1, "a\uFFFDb", "UNKNOWN_COLUMN", "a\uFFFDb"));
    }

    @Test
    void a_missing_required_column_refuses_the_file_at_once_listing_every_missing_one() {
        String header = Arrays.stream(HEADER.split(","))
                .filter(name -> !Set.of("invoice_id", "amount", "currency").contains(name))
                .collect(Collectors.joining(","));

        InvalidFileHeader refused = refused(header + "\n" + "L-1,whatever\n");

        assertThat(refused.errors())
                .containsExactly(
                        error(1, "invoice_id", "MISSING_COLUMN", "invoice_id"),
                        error(1, "amount", "MISSING_COLUMN", "amount"),
                        error(1, "currency", "MISSING_COLUMN", "currency"));
    }

    @Test
    void a_missing_optional_column_is_read_as_empty() {
        String csv = "line_id,invoice_id,location_id,customer_id,product_category,billing_date,amount,currency\n"
                + "L-1,INV-1,PLA-1,CUST-1,MARKETPLACE_SAAS,2020-05-04,-3,USD\n";

        LedgerEntry entry = read(csv).only();

        assertThat(entry.customerCountry()).isNull();
        assertThat(entry.productName()).isNull();
        assertThat(entry.chargeType()).isNull();
        assertThat(entry.paidDate()).isNull();
    }

    @Test
    void a_column_named_twice_refuses_the_file() {
        InvalidFileHeader refused = refused(HEADER + ",Amount\n" + line("L-1") + ",3\n");

        assertThat(refused.errors()).containsExactly(error(1, "amount", "DUPLICATE_COLUMN", "amount"));
    }

    @Test
    void an_empty_file_is_refused() {
        assertThat(refused("").errors()).containsExactly(error(1, null, "EMPTY_FILE"));
        assertThat(refused("\n\r\n\n").errors()).containsExactly(error(1, null, "EMPTY_FILE"));
    }

    @Test
    void a_file_of_only_a_byte_order_mark_is_refused_for_its_missing_columns() {
        InvalidFileHeader refused = catchThrowableOfType(
                InvalidFileHeader.class,
                () -> read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, FileFormat.CSV));

        assertThat(refused.errors()).extracting(FileError::code).containsOnly("MISSING_COLUMN");
    }

    @Test
    void the_header_comes_first_a_blank_line_before_it_is_refused() {
        assertThat(refused("\n" + file(line("L-1"))).errors()).containsExactly(error(1, null, "EMPTY_FILE"));
    }

    @Test
    void a_header_alone_is_a_file_of_no_lines() {
        Read read = read(HEADER + "\n");

        assertThat(read.read()).isZero();
        assertThat(read.entries()).isEmpty();
        assertThat(read.errors().isEmpty()).isTrue();
    }

    @Test
    void a_byte_order_mark_before_the_header_is_skipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = file(line("L-1")).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(bom);
        bytes.writeBytes(text);

        Read read = read(bytes.toByteArray(), FileFormat.CSV);

        assertThat(read.only().lineId()).isEqualTo("L-1");
        assertThat(read.warnings()).isEmpty();
        assertThat(read("\uFEFF" + file(line("L-1"))).only().lineId()).isEqualTo("L-1");
    }

    // Lines and values

    @Test
    void crlf_line_ends_are_read_like_lf_ones() {
        Read read = read(HEADER + "\r\n" + line("L-1") + "\r\n" + line("L-2", "amount", "x") + "\r\n");

        assertThat(read.entries()).extracting(LedgerEntry::lineId).containsExactly("L-1");
        assertThat(read.only().currency()).isEqualTo("EUR");
        assertThat(read.listed()).containsExactly(error(3, "amount", "BAD_AMOUNT", "x"));
    }

    @Test
    void a_last_line_without_a_line_end_is_read() {
        assertThat(read(HEADER + "\n" + line("L-1")).only().lineId()).isEqualTo("L-1");
    }

    @Test
    void quoted_values_may_hold_commas_quotes_and_line_breaks() {
        Read read = read(file(line("L-1", "product_name", "\"Azure, \"\"Plan\"\"\nsecond line\"")));

        assertThat(read.only().productName()).isEqualTo("Azure, \"Plan\"\nsecond line");
    }

    @Test
    void a_line_is_numbered_by_the_physical_line_its_record_starts_on() {
        Read read = read(
                file(line("L-1", "product_name", "\"one\ntwo\r\nthree\""), line("L-2"), line("L-3", "amount", "x")));

        assertThat(read.lines()).containsExactly(2L, 5L);
        assertThat(read.listed()).containsExactly(error(6, "amount", "BAD_AMOUNT", "x"));
    }

    @Test
    void blank_lines_are_skipped_but_counted_in_line_numbers() {
        Read read = read(HEADER + "\n\n" + line("L-1") + "\n\r\n\n" + line("L-2", "currency", "") + "\n\n");

        assertThat(read.read()).isEqualTo(2);
        assertThat(read.lines()).containsExactly(3L);
        assertThat(read.listed()).containsExactly(error(6, "currency", "MISSING_VALUE"));
    }

    @Test
    void a_tsv_file_separates_values_by_tabs() {
        Read read = read(new StringReader(tsv(tsvLine("L-1", "product_name", "Azure, plan"))), FileFormat.TSV);

        assertThat(read.only().productName()).isEqualTo("Azure, plan");
    }

    @Test
    void a_quote_in_a_tsv_value_is_just_a_character() {
        String tsv =
                tsv(tsvLine("L-1", "product_name", "\"Azure\" \"plan"), tsvLine("L-2", "product_name", "\"quoted\""));

        Read read = read(new StringReader(tsv), FileFormat.TSV);

        assertThat(read.entries())
                .extracting(LedgerEntry::productName)
                .containsExactly("\"Azure\" \"plan", "\"quoted\"");
        assertThat(read.lines()).containsExactly(2L, 3L);
    }

    @Test
    void a_line_with_too_few_values_is_malformed() {
        Read read = read(file(line("L-1"), "L-2,INV-1,PLA-1", line("L-3")));

        assertThat(read.listed()).containsExactly(error(3, null, "MALFORMED_ROW", "3", "12"));
        assertThat(read.entries()).extracting(LedgerEntry::lineId).containsExactly("L-1", "L-3");
        assertThat(read.read()).isEqualTo(3);
    }

    @Test
    void a_line_with_too_many_values_is_malformed() {
        assertThat(errorsOf(line("L-1") + ",extra")).containsExactly(error(2, null, "MALFORMED_ROW", "13", "12"));
    }

    @Test
    void trailing_separators_are_tolerated_on_the_header_and_on_lines() {
        Read read = read(HEADER + ",,\n" + line("L-1") + ",\n" + line("L-2") + ",,,\n" + line("L-3") + "\n");

        assertThat(read.entries()).extracting(LedgerEntry::lineId).containsExactly("L-1", "L-2", "L-3");
        assertThat(read.errors().isEmpty()).isTrue();
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void values_are_stripped_of_surrounding_spaces() {
        LedgerEntry entry = read(file(line(" L-1 ", "amount", " 10.5 ", "currency", "\" EUR\"")))
                .only();

        assertThat(entry.lineId()).isEqualTo("L-1");
        assertThat(entry.amount()).isEqualByComparingTo("10.5");
        assertThat(entry.currency()).isEqualTo("EUR");
    }

    @Test
    void an_empty_optional_value_is_null() {
        LedgerEntry entry = read(file(line(
                        "L-1", "customer_country", "", "product_name", "  ", "charge_type", "\"\"", "paid_date", "")))
                .only();

        assertThat(entry.customerCountry()).isNull();
        assertThat(entry.productName()).isNull();
        assertThat(entry.chargeType()).isNull();
        assertThat(entry.paidDate()).isNull();
    }

    // Every error, with its line and column

    @Test
    void every_required_value_is_missing_when_empty() {
        for (LedgerColumn column : LedgerColumn.values()) {
            if (column.required()) {
                assertThat(errorsOf(line("L-1", column.header(), " ")))
                        .as(column.header())
                        .containsExactly(error(2, column.header(), "MISSING_VALUE"));
            }
        }
        assertThat(errorsOf(line("", "invoice_id", "")))
                .extracting(FileError::column)
                .containsExactly("line_id", "invoice_id");
    }

    @Test
    void a_value_longer_than_its_column_holds_is_too_long() {
        assertThat(errorsOf(line("L".repeat(65)))).containsExactly(error(2, "line_id", "TOO_LONG", "64"));
        assertThat(errorsOf(line("L-1", "invoice_id", "I".repeat(65))))
                .containsExactly(error(2, "invoice_id", "TOO_LONG", "64"));
        assertThat(errorsOf(line("L-1", "customer_id", "C".repeat(65))))
                .containsExactly(error(2, "customer_id", "TOO_LONG", "64"));
        assertThat(errorsOf(line("L-1", "product_name", "P".repeat(256))))
                .containsExactly(error(2, "product_name", "TOO_LONG", "255"));
        assertThat(errorsOf(line("L-1", "charge_type", "C".repeat(33))))
                .containsExactly(error(2, "charge_type", "TOO_LONG", "32"));
        // A coded value is too long only beyond 64 characters, so that a message never echoes more.
        assertThat(errorsOf(line("L-1", "amount", "1".repeat(65))))
                .containsExactly(error(2, "amount", "TOO_LONG", "64"));
    }

    @Test
    void a_value_as_long_as_its_column_holds_is_kept() {
        LedgerEntry entry = read(file(
                        line("L".repeat(64), "product_name", "P".repeat(255), "charge_type", "C".repeat(32))))
                .only();

        assertThat(entry.lineId()).hasSize(64);
        assertThat(entry.productName()).hasSize(255);
        assertThat(entry.chargeType()).hasSize(32);
    }

    @Test
    void a_date_is_a_real_day_written_yyyy_mm_dd() {
        for (String bad : List.of(
                "2021-02-29",
                "2020-13-01",
                "2020-04-31",
                "2020-5-4",
                "20200504",
                "04/05/2020",
                "2020-05-04T00:00",
                "+2020-05-04",
                "２０２０-05-04")) {
            assertThat(errorsOf(line("L-1", "billing_date", bad)))
                    .as(bad)
                    .containsExactly(error(2, "billing_date", "BAD_DATE", bad));
        }
        assertThat(errorsOf(line("L-1", "paid_date", "2021-02-29")))
                .containsExactly(error(2, "paid_date", "BAD_DATE", "2021-02-29"));
        assertThat(read(file(line("L-1", "billing_date", "2020-02-29"))).only().billingDate())
                .isEqualTo("2020-02-29");
    }

    @Test
    void the_year_zero_is_not_a_date() {
        // ISO 8601 would read it as 1 BC, which neither PostgreSQL nor the revenue rules have.
        assertThat(errorsOf(line("L-1", "billing_date", "0000-12-31")))
                .containsExactly(error(2, "billing_date", "BAD_DATE", "0000-12-31"));
        assertThat(read(file(line("L-1", "billing_date", "0001-01-01"))).only().billingDate())
                .isEqualTo("0001-01-01");
    }

    @Test
    void an_amount_is_a_decimal_with_a_point_up_to_4_decimals_and_15_integer_digits() {
        for (String bad : List.of(
                "1.23456",
                "\"1,000.00\"",
                "1e3",
                "1E3",
                "1234567890123456",
                "+1",
                ".5",
                "1.",
                "\"1,5\"",
                "--1",
                "ten",
                "1 000",
                "0x10",
                "١٢",
                "NaN",
                "Infinity")) {
            String written = bad.startsWith("\"") ? bad.substring(1, bad.length() - 1) : bad;
            assertThat(errorsOf(line("L-1", "amount", bad)))
                    .as(bad)
                    .containsExactly(error(2, "amount", "BAD_AMOUNT", written));
        }
    }

    @Test
    void the_largest_and_most_precise_amounts_are_kept_exactly() {
        Read read = read(file(
                line("L-1", "amount", "999999999999999.9999"),
                line("L-2", "amount", "-999999999999999.9999"),
                line("L-3", "amount", "0.0001"),
                line("L-4", "amount", "007")));

        assertThat(read.entries())
                .extracting(LedgerEntry::amount)
                .containsExactly(
                        new BigDecimal("999999999999999.9999"),
                        new BigDecimal("-999999999999999.9999"),
                        new BigDecimal("0.0001"),
                        new BigDecimal("7"));
    }

    @Test
    void a_negative_amount_is_accepted() {
        assertThat(read(file(line("L-1", "amount", "-3.25"))).only().amount()).isEqualTo(new BigDecimal("-3.25"));
    }

    @Test
    void a_product_category_is_one_of_the_six_written_in_capitals() {
        for (String bad : List.of("azure_consumption", "Azure_Consumption", "HARDWARE", "AZURE")) {
            assertThat(errorsOf(line("L-1", "product_category", bad)))
                    .as(bad)
                    .containsExactly(error(2, "product_category", "UNKNOWN_CATEGORY", bad));
        }
        for (ProductCategory category : ProductCategory.values()) {
            assertThat(read(file(line("L-1", "product_category", category.name())))
                            .only()
                            .category())
                    .isEqualTo(category);
        }
    }

    @Test
    void a_currency_is_an_iso_4217_code_in_capitals() {
        for (String bad : List.of("eur", "EURO", "XYZ", "€", "E1R")) {
            assertThat(errorsOf(line("L-1", "currency", bad)))
                    .as(bad)
                    .containsExactly(error(2, "currency", "UNKNOWN_CURRENCY", bad));
        }
        assertThat(read(file(line("L-1", "currency", "JPY"))).only().currency()).isEqualTo("JPY");
    }

    @Test
    void a_customer_country_is_an_iso_3166_code_in_capitals() {
        for (String bad : List.of("fr", "FRA", "XX", "France")) {
            assertThat(errorsOf(line("L-1", "customer_country", bad)))
                    .as(bad)
                    .containsExactly(error(2, "customer_country", "UNKNOWN_COUNTRY", bad));
        }
        assertThat(read(file(line("L-1", "customer_country", "DE"))).only().customerCountry())
                .isEqualTo("DE");
    }

    @Test
    void a_location_is_one_a_partner_has() {
        assertThat(errorsOf(line("L-1", "location_id", "PLA-9")))
                .containsExactly(error(2, "location_id", "UNKNOWN_LOCATION", "PLA-9"));
        assertThat(read(file(line("L-1", "location_id", "PLA-2"))).only().locationId())
                .isEqualTo("PLA-2");
    }

    @Test
    void every_error_of_a_line_is_reported_in_column_order() {
        List<FileError> errors = errorsOf(line(
                "L-1",
                "invoice_id",
                "",
                "location_id",
                "PLA-9",
                "customer_country",
                "fr",
                "product_category",
                "HARDWARE",
                "billing_date",
                "2020-13-01",
                "paid_date",
                "yesterday",
                "amount",
                "\"1,5\"",
                "currency",
                "EURO"));

        assertThat(errors)
                .containsExactly(
                        error(2, "invoice_id", "MISSING_VALUE"),
                        error(2, "location_id", "UNKNOWN_LOCATION", "PLA-9"),
                        error(2, "customer_country", "UNKNOWN_COUNTRY", "fr"),
                        error(2, "product_category", "UNKNOWN_CATEGORY", "HARDWARE"),
                        error(2, "billing_date", "BAD_DATE", "2020-13-01"),
                        error(2, "paid_date", "BAD_DATE", "yesterday"),
                        error(2, "amount", "BAD_AMOUNT", "1,5"),
                        error(2, "currency", "UNKNOWN_CURRENCY", "EURO"));
    }

    @Test
    void the_valid_lines_of_a_file_with_errors_are_still_handed_over_all_or_nothing_is_the_callers_rule() {
        Read read = read(file(line("L-1"), line("L-2", "amount", "x"), line("L-3")));

        assertThat(read.lines()).containsExactly(2L, 4L);
        assertThat(read.errors().count()).isEqualTo(1);
        assertThat(read.read()).isEqualTo(3);
    }

    @Test
    void beyond_1000_errors_the_first_1000_are_listed_by_line_and_all_are_counted() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            lines.add(line("L-" + i, "amount", "x", "currency", "x"));
        }

        Read read = read(file(lines.toArray(String[]::new)));

        assertThat(read.errors().count()).isEqualTo(3000);
        assertThat(read.listed()).hasSize(FileErrors.MAX_LISTED);
        assertThat(read.listed().get(0)).isEqualTo(error(2, "amount", "BAD_AMOUNT", "x"));
        assertThat(read.listed().get(999)).isEqualTo(error(501, "currency", "UNKNOWN_CURRENCY", "x"));
        assertThat(read.listed()).isSortedAccordingTo(java.util.Comparator.comparingLong(FileError::line));
    }

    // Files that cannot be read to the end

    @Test
    void an_unclosed_quote_stops_the_reading_at_the_line_its_record_starts_on() {
        Read read = read(file(
                line("L-1", "product_name", "\"one\ntwo\""),
                "",
                line("L-2", "product_name", "\"never closed"),
                line("L-3")));

        assertThat(read.lines()).containsExactly(2L);
        assertThat(read.listed()).containsExactly(error(5, null, "MALFORMED_CSV"));
    }

    @Test
    void text_after_a_closing_quote_stops_the_reading() {
        Read read = read(file(line("L-1"), line("L-2", "product_name", "\"Azure\" plan"), line("L-3")));

        assertThat(read.lines()).containsExactly(2L);
        assertThat(read.listed()).containsExactly(error(3, null, "MALFORMED_CSV"));
    }

    @Test
    void a_header_that_cannot_be_read_refuses_the_file() {
        assertThat(refused("\"line_id,invoice_id\n").errors()).containsExactly(error(1, null, "MALFORMED_CSV"));
    }

    @Test
    void a_header_that_is_not_utf8_refuses_the_file() {
        byte[] bytes = file(line("L-1")).replace("line_id", "line_#d").getBytes(StandardCharsets.UTF_8);
        bytes[indexOf(bytes, (byte) '#')] = (byte) 0xFF;

        InvalidFileHeader refused = catchThrowableOfType(InvalidFileHeader.class, () -> read(bytes, FileFormat.CSV));

        assertThat(refused.errors()).containsExactly(error(1, null, "NOT_UTF8"));
    }

    @Test
    void bytes_that_are_not_utf8_stop_the_reading_at_their_line_in_a_small_file_too() {
        byte[] bytes = file(line("L-1"), line("L-2", "product_name", "Caf#"), line("L-3"))
                .getBytes(StandardCharsets.UTF_8);
        bytes[indexOf(bytes, (byte) '#')] = (byte) 0xE9; // é in ISO 8859-1

        Read read = read(bytes, FileFormat.CSV);

        assertThat(read.listed()).containsExactly(error(3, null, "NOT_UTF8"));
        assertThat(read.lines()).containsExactly(2L);
    }

    @Test
    void bytes_that_are_not_utf8_stop_the_reading_at_their_line() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            lines.add(line("L-" + i, "product_name", i == 2500 ? "Caf#" : "Café"));
        }
        byte[] bytes = file(lines.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
        bytes[indexOf(bytes, (byte) '#')] = (byte) 0xC3; // a UTF-8 lead byte followed by a comma

        Read read = read(bytes, FileFormat.CSV);

        assertThat(read.listed()).containsExactly(error(2502, null, "NOT_UTF8"));
        assertThat(read.lines()).isNotEmpty().allMatch(line -> line < 2502);
    }

    @Test
    void bytes_that_are_not_utf8_are_placed_on_their_own_physical_line() {
        byte[] bytes = file(line("L-1"), "", "", line("L-2", "product_name", "\"first line\nCaf#\""), line("L-3"))
                .getBytes(StandardCharsets.UTF_8);
        bytes[indexOf(bytes, (byte) '#')] = (byte) 0xE9;

        Read read = read(bytes, FileFormat.CSV);

        assertThat(read.listed()).containsExactly(error(6, null, "NOT_UTF8"));
    }

    @Test
    void a_nul_character_is_refused_in_a_value() {
        // PostgreSQL text cannot hold U+0000: the line is refused here rather than failing the import.
        assertThat(errorsOf(line("L-1", "product_name", "Azure\u0000plan")))
                .containsExactly(error(2, "product_name", "BAD_CHARACTER"));
        assertThat(errorsOf(line("L-\u0000", "amount", "1\u0000")))
                .containsExactly(error(2, "line_id", "BAD_CHARACTER"), error(2, "amount", "BAD_CHARACTER"));
    }

    @Test
    void a_nul_character_in_a_tsv_value_is_a_character_not_a_quote() {
        String tsv = tsv(tsvLine("L-1", "product_name", "\u0000Azure\tplan\u0000"));

        Read read = read(new StringReader(tsv), FileFormat.TSV);

        assertThat(read.listed()).containsExactly(error(2, null, "MALFORMED_ROW", "13", "12"));
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("not found: " + wanted);
    }
}
