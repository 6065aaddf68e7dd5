package org.directbill.revenue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading rules of a payments file (ledger-format.md, "Payments"). */
class PaymentFileTest {

    /** What reading a file gave. */
    record Read(List<Long> lines, List<PaymentFile.Payment> payments, FileErrors errors, List<FileError> warnings) {}

    static Read read(Reader text, FileFormat format) {
        PaymentFile file = PaymentFile.open(text, format);
        List<Long> lines = new ArrayList<>();
        List<PaymentFile.Payment> payments = new ArrayList<>();
        FileErrors errors = new FileErrors();
        file.read(
                (line, payment) -> {
                    lines.add(line);
                    payments.add(payment);
                },
                errors);
        return new Read(lines, payments, errors, file.warnings());
    }

    static Read read(String csv) {
        return read(new StringReader(csv), FileFormat.CSV);
    }

    static PaymentFile.Payment paid(String invoice, String date) {
        return new PaymentFile.Payment(invoice, LocalDate.parse(date));
    }

    static FileError error(long line, String column, String code, String... arguments) {
        return FileError.of(line, column, code, arguments);
    }

    @Test
    void each_line_names_an_invoice_and_the_day_it_was_paid() {
        Read read = read("invoice_id,paid_date\nINV-1,2020-07-01\n INV-2 , 2020-07-02 \n");

        assertThat(read.payments()).containsExactly(paid("INV-1", "2020-07-01"), paid("INV-2", "2020-07-02"));
        assertThat(read.lines()).containsExactly(2L, 3L);
        assertThat(read.errors().isEmpty()).isTrue();
    }

    @Test
    void the_columns_may_come_in_any_order_and_extra_ones_are_ignored_with_a_warning() {
        Read read = read("Paid_Date,amount,Invoice_ID\n2020-07-01,12.5,INV-1\n2020-07-02,3,INV-2\n");

        assertThat(read.payments()).containsExactly(paid("INV-1", "2020-07-01"), paid("INV-2", "2020-07-02"));
        assertThat(read.warnings()).containsExactly(error(1, "amount", "UNKNOWN_COLUMN", "amount"));
    }

    @Test
    void both_columns_are_required_and_every_missing_one_is_listed() {
        InvalidFileHeader refused = catchThrowableOfType(InvalidFileHeader.class, () -> read("invoice,date\nI,D\n"));

        assertThat(refused.errors())
                .containsExactly(
                        error(1, "invoice_id", "MISSING_COLUMN", "invoice_id"),
                        error(1, "paid_date", "MISSING_COLUMN", "paid_date"));
    }

    @Test
    void an_empty_file_is_refused() {
        InvalidFileHeader refused = catchThrowableOfType(InvalidFileHeader.class, () -> read(""));

        assertThat(refused.errors()).containsExactly(error(1, null, "EMPTY_FILE"));
    }

    @Test
    void both_values_are_required_and_the_date_is_a_real_day() {
        Read read = read("invoice_id,paid_date\n,2020-07-01\nINV-2,\nINV-3,2021-02-29\nINV-4,0000-01-01\n"
                + "I".repeat(65) + ",2020-07-01\nINV-6," + "2".repeat(65) + "\n");

        assertThat(read.payments()).isEmpty();
        assertThat(read.errors().listed())
                .containsExactly(
                        error(2, "invoice_id", "MISSING_VALUE"),
                        error(3, "paid_date", "MISSING_VALUE"),
                        error(4, "paid_date", "BAD_DATE", "2021-02-29"),
                        error(5, "paid_date", "BAD_DATE", "0000-01-01"),
                        error(6, "invoice_id", "TOO_LONG", "64"),
                        error(7, "paid_date", "TOO_LONG", "64"));
    }

    @Test
    void a_control_character_is_refused_in_a_value() {
        Read read = read("invoice_id,paid_date\nINV\u0000,2020-07-01\nINV-2,2020-07\u001F-01\n");

        assertThat(read.errors().listed())
                .containsExactly(error(2, "invoice_id", "BAD_CHARACTER"), error(3, "paid_date", "BAD_CHARACTER"));
    }

    @Test
    void a_line_with_too_many_values_is_malformed_and_trailing_separators_are_tolerated() {
        Read read = read("invoice_id,paid_date\nINV-1,2020-07-01,,\nINV-2,2020-07-01,x\nINV-3\n");

        assertThat(read.payments()).containsExactly(paid("INV-1", "2020-07-01"));
        assertThat(read.errors().listed())
                .containsExactly(error(3, null, "MALFORMED_ROW", "3", "2"), error(4, null, "MALFORMED_ROW", "1", "2"));
    }

    @Test
    void a_tsv_file_with_a_byte_order_mark_and_crlf_line_ends_is_read() {
        byte[] bytes = "\uFEFFinvoice_id\tpaid_date\r\n\"INV\" 1\t2020-07-01\r\n\r\nINV-2\t2020-07-02\r\n"
                .getBytes(StandardCharsets.UTF_8);

        Read read = read(StrictUtf8Reader.of(new ByteArrayInputStream(bytes)), FileFormat.TSV);

        assertThat(read.payments()).containsExactly(paid("\"INV\" 1", "2020-07-01"), paid("INV-2", "2020-07-02"));
        assertThat(read.lines()).containsExactly(2L, 4L);
    }

    @Test
    void an_invoice_named_twice_is_handed_over_twice_the_import_decides() {
        Read read = read("invoice_id,paid_date\nINV-1,2020-07-01\nINV-1,2020-07-02\n");

        assertThat(read.payments()).containsExactly(paid("INV-1", "2020-07-01"), paid("INV-1", "2020-07-02"));
    }

    @Test
    void an_unclosed_quote_stops_the_reading_at_the_line_it_starts_on() {
        Read read = read("invoice_id,paid_date\nINV-1,2020-07-01\n\"INV-2,2020-07-01\nINV-3,2020-07-01\n");

        assertThat(read.payments()).containsExactly(paid("INV-1", "2020-07-01"));
        assertThat(read.errors().listed()).containsExactly(error(3, null, "MALFORMED_CSV"));
    }
}
