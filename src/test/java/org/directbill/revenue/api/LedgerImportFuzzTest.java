package org.directbill.revenue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.directbill.revenue.LedgerFiles;
import org.directbill.revenue.domain.FileErrors;
import org.directbill.revenue.domain.FileFormat;
import org.directbill.revenue.domain.InvalidFileHeader;
import org.directbill.revenue.domain.LedgerColumn;
import org.directbill.revenue.domain.LedgerEntry;
import org.directbill.revenue.domain.LedgerFile;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.revenue.domain.StrictUtf8Reader;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Ledger imports through the API, fuzzed: never a 500, never a partial import. Each input is two
 * small ledgers imported one after the other, made of the fuzzer's choices — new lines, lines of a
 * known or an unknown location, good or bad values, repeats of earlier lines, identical, paid or
 * conflicting, and raw text or bytes. The answer is 202 (or 400 for a refused header); the job
 * ends SUCCEEDED or FAILED as the file's lines and the stored ledger say it must, never with an
 * internal error; a failed import leaves the ledger as it was; a successful one stores exactly the
 * distinct valid lines; and the rollups always equal a recomputation from the ledger.
 *
 * <p>On H2 only: like an {@code @IntegrationTest}, but not tagged {@code db}. A normal build runs
 * it on the inputs in {@code LedgerImportFuzzTestInputs}; README.md says how to fuzz.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class LedgerImportFuzzTest {

    private static final String[] CATEGORIES =
            List.of(ProductCategory.values()).stream().map(Enum::name).toArray(String[]::new);
    private static final String[] CURRENCIES = {"EUR", "USD", "JPY", "GBP"};
    private static final String[] COUNTRIES = {"FR", "DE", ""};
    private static final String[] PRODUCTS = {"Azure plan", "", "Plan, \"gold\"", "two\nlines", " spaced "};
    private static final String[] CHARGES = {"NEW", "RENEW", "", "REFUND"};
    private static final LocalDate START = LocalDate.parse("2020-01-01");

    /** The locations the generated lines are sold by, created once per database. */
    private static volatile List<String> locations = List.of();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @BeforeEach
    void twoLocations() throws Exception {
        long present = locations.isEmpty()
                ? 0
                : jdbc.sql("SELECT COUNT(*) FROM location WHERE location_id IN (:ids)")
                        .param("ids", locations)
                        .query(Long.class)
                        .single();
        if (present != 2) {
            Fixtures fixtures = new Fixtures(mvc);
            String partner = fixtures.createPartner(Fixtures.unique("Fuzz Co "));
            locations = List.of(
                    fixtures.addLocation(partner, "FR", "ACTIVE"), fixtures.addLocation(partner, "DE", "ACTIVE"));
        }
    }

    @FuzzTest
    void a_ledger_import_ends_as_its_lines_say_and_never_keeps_part_of_a_file(FuzzedDataProvider data)
            throws Exception {
        Ledgers ledgers = new Ledgers(data, Fixtures.unique("FZ") + "-");
        if (data.consumeBoolean()) {
            importAndCheck(ledgers.next());
        }
        importAndCheck(ledgers.next());
    }

    private void importAndCheck(Body body) throws Exception {
        Expected expected = expect(body);
        long linesBefore = ledgerLines();

        MockHttpServletResponse response = mvc.perform(post("/api/v1/ledger/imports")
                        .with(admin())
                        .contentType(body.format() == FileFormat.TSV ? "text/tab-separated-values" : "text/csv")
                        .content(body.bytes()))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).as(body.toString()).isIn(202, 400, 415);
        if (response.getStatus() != 202) {
            assertThat(expected).as("refused at once: " + body).isNull();
            assertThat(ledgerLines()).isEqualTo(linesBefore);
            return;
        }
        assertThat(expected).as("accepted: " + body).isNotNull();
        JsonNode job = new LedgerFiles(mvc).awaitEnd(response.getHeader("Location"));
        assertThat(job.hasNonNull("failure")).as(job.toString()).isFalse();
        assertThat(job.get("linesRead").asLong()).as(job.toString()).isEqualTo(expected.read());
        if (expected.succeeds()) {
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
            assertThat(job.get("linesImported").asLong()).isEqualTo(expected.imported());
            assertThat(job.get("linesDuplicate").asLong()).isEqualTo(expected.duplicates());
            assertThat(job.get("linesPaidUpdated").asLong()).isEqualTo(expected.paid());
            assertThat(ledgerLines()).isEqualTo(linesBefore + expected.imported());
        } else {
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("FAILED");
            assertThat(job.get("errorCount").asLong()).isPositive();
            assertThat(job.get("errors").size()).isBetween(1, FileErrors.MAX_LISTED);
            assertThat(ledgerLines()).isEqualTo(linesBefore);
        }
        Map<String, LedgerEntry> stored = stored(expected.after().keySet());
        assertThat(stored.keySet()).isEqualTo(expected.after().keySet());
        expected.after().forEach((id, entry) -> {
            LedgerEntry actual = stored.get(id);
            assertThat(actual.firstDifference(entry)).as(id).isNull();
            assertThat(actual.paidDate()).as(id).isEqualTo(entry.paidDate());
        });
        assertThat(rollups.all()).containsExactlyInAnyOrderElementsOf(rollups.recomputedFromLedger());
    }

    /** What the import must do: {@code null} when the header is refused. */
    record Expected(
            boolean succeeds, long read, long imported, long duplicates, long paid, Map<String, LedgerEntry> after) {}

    private @Nullable Expected expect(Body body) {
        Set<String> known = Set.copyOf(
                jdbc.sql("SELECT location_id FROM location").query(String.class).list());
        LedgerFile file;
        try {
            file = LedgerFile.open(
                    StrictUtf8Reader.of(new ByteArrayInputStream(body.bytes())), body.format(), known::contains);
        } catch (InvalidFileHeader refused) {
            return null;
        }
        List<LedgerEntry> entries = new ArrayList<>();
        FileErrors errors = new FileErrors();
        long read = file.read((line, entry) -> entries.add(entry), errors);
        // Lines repeated in the file fold into one (ledger-format.md: "the same holds inside one file").
        boolean conflict = false;
        Map<String, LedgerEntry> folded = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            LedgerEntry kept = folded.get(entry.lineId());
            if (kept == null) {
                folded.put(entry.lineId(), entry);
            } else {
                switch (kept.match(entry)) {
                    case DUPLICATE -> {}
                    case PAID -> folded.put(entry.lineId(), kept.withPaidDate(entry.paidDate()));
                    case CONFLICT -> conflict = true;
                }
            }
        }
        Map<String, LedgerEntry> before = stored(folded.keySet());
        Map<String, LedgerEntry> after = new HashMap<>(before);
        long imported = 0;
        long duplicates = entries.size() - folded.size();
        long paid = 0;
        for (LedgerEntry line : folded.values()) {
            LedgerEntry stored = before.get(line.lineId());
            if (stored == null) {
                imported++;
                after.put(line.lineId(), line);
                continue;
            }
            switch (stored.match(line)) {
                case DUPLICATE -> duplicates++;
                case PAID -> {
                    paid++;
                    after.put(line.lineId(), stored.withPaidDate(line.paidDate()));
                }
                case CONFLICT -> conflict = true;
            }
        }
        boolean succeeds = errors.isEmpty() && !conflict;
        return new Expected(succeeds, read, imported, duplicates, paid, succeeds ? after : before);
    }

    private long ledgerLines() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_line").query(Long.class).single();
    }

    private Map<String, LedgerEntry> stored(Set<String> lineIds) {
        Map<String, LedgerEntry> stored = new HashMap<>();
        if (lineIds.isEmpty()) {
            return stored;
        }
        jdbc.sql("SELECT line_id, invoice_id, location_id, customer_id, customer_country, product_category,"
                        + " product_name, charge_type, billing_date, paid_date, amount, currency FROM ledger_line"
                        + " WHERE line_id IN (:ids)")
                .param("ids", List.copyOf(lineIds))
                .query(row -> {
                    java.sql.Date paid = row.getDate("paid_date");
                    String country = row.getString("customer_country");
                    LedgerEntry entry = new LedgerEntry(
                            row.getString("line_id"),
                            row.getString("invoice_id"),
                            row.getString("location_id"),
                            row.getString("customer_id"),
                            country == null ? null : country.strip(),
                            ProductCategory.valueOf(row.getString("product_category")),
                            row.getString("product_name"),
                            row.getString("charge_type"),
                            row.getDate("billing_date").toLocalDate(),
                            paid == null ? null : paid.toLocalDate(),
                            row.getBigDecimal("amount"),
                            row.getString("currency").strip());
                    stored.put(entry.lineId(), entry);
                });
        return stored;
    }

    /** A file as posted. */
    record Body(FileFormat format, byte[] bytes) {
        @Override
        public String toString() {
            return format + " " + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Small ledgers built from the fuzzer's choices; the lines of one may come back in the next. */
    private final class Ledgers {

        private final FuzzedDataProvider data;
        private final String prefix;
        private final List<String[]> earlier = new ArrayList<>();
        private int next;

        Ledgers(FuzzedDataProvider data, String prefix) {
            this.data = data;
            this.prefix = prefix;
        }

        Body next() {
            FileFormat format = data.consumeBoolean() ? FileFormat.TSV : FileFormat.CSV;
            boolean extraColumn = data.consumeBoolean();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String header = LedgerFiles.HEADER;
            if (extraColumn) {
                String name = data.consumeString(120);
                header += "," + quoted(format, name.isBlank() ? "note" : name);
            }
            write(out, format == FileFormat.TSV ? header.replace(',', '\t') : header);
            int lines = data.consumeInt(0, 6);
            for (int i = 0; i < lines; i++) {
                out.write('\n');
                Kind kind = Kind.of(data.consumeInt(0, 19));
                if (kind == Kind.TEXT) {
                    write(out, data.consumeString(40)); // anything at all, as text
                    continue;
                }
                if (kind == Kind.BYTES) {
                    out.writeBytes(data.consumeBytes(20)); // not even text, perhaps
                    continue;
                }
                String[] values = values(kind);
                earlier.add(values);
                List<String> written = new ArrayList<>();
                for (String value : values) {
                    written.add(quoted(format, value));
                }
                if (extraColumn) {
                    written.add("extra");
                }
                write(out, String.join(format == FileFormat.TSV ? "\t" : ",", written));
            }
            if (data.consumeBoolean()) {
                out.write('\n');
            }
            return new Body(format, out.toByteArray());
        }

        private String[] values(Kind kind) {
            if (kind.repeats() && !earlier.isEmpty()) {
                String[] repeated =
                        earlier.get(data.consumeInt(0, earlier.size() - 1)).clone();
                switch (kind) {
                    case PAID -> repeated[LedgerColumn.PAID_DATE.ordinal()] = date(0, 400);
                    case UNPAID -> repeated[LedgerColumn.PAID_DATE.ordinal()] = "";
                    case CHANGED -> {
                        int column = data.consumeInt(1, LedgerColumn.values().length - 1);
                        repeated[column] = fresh()[column];
                    }
                    default -> {}
                }
                return repeated;
            }
            String[] fresh = fresh();
            switch (kind) {
                case BAD_VALUE -> fresh[data.consumeInt(0, fresh.length - 1)] = data.consumeString(16);
                case UNKNOWN_LOCATION -> fresh[LedgerColumn.LOCATION_ID.ordinal()] = Fixtures.uniqueLocationId();
                default -> {}
            }
            return fresh;
        }

        private String[] fresh() {
            String[] values = new String[LedgerColumn.values().length];
            values[LedgerColumn.LINE_ID.ordinal()] = prefix + next++;
            values[LedgerColumn.INVOICE_ID.ordinal()] = prefix + "INV-" + data.consumeInt(0, 2);
            values[LedgerColumn.LOCATION_ID.ordinal()] = locations.get(data.consumeInt(0, 1));
            values[LedgerColumn.CUSTOMER_ID.ordinal()] = "CUST-" + data.consumeInt(0, 3);
            values[LedgerColumn.CUSTOMER_COUNTRY.ordinal()] = data.pickValue(COUNTRIES);
            values[LedgerColumn.PRODUCT_CATEGORY.ordinal()] = data.pickValue(CATEGORIES);
            values[LedgerColumn.PRODUCT_NAME.ordinal()] = data.pickValue(PRODUCTS);
            values[LedgerColumn.CHARGE_TYPE.ordinal()] = data.pickValue(CHARGES);
            values[LedgerColumn.BILLING_DATE.ordinal()] = date(0, 1000);
            values[LedgerColumn.PAID_DATE.ordinal()] = data.consumeBoolean() ? date(0, 1400) : "";
            values[LedgerColumn.AMOUNT.ordinal()] = BigDecimal.valueOf(
                            data.consumeLong(-1_000_000_000_000L, 1_000_000_000_000L), data.consumeInt(0, 4))
                    .toPlainString();
            values[LedgerColumn.CURRENCY.ordinal()] = data.pickValue(CURRENCIES);
            return values;
        }

        private String date(int from, int to) {
            return START.plusDays(data.consumeInt(from, to)).toString();
        }
    }

    /** What a generated line is, mostly valid lines and repeats, so that imports succeed too. */
    enum Kind {
        FRESH,
        IDENTICAL,
        PAID,
        UNPAID,
        CHANGED,
        BAD_VALUE,
        UNKNOWN_LOCATION,
        TEXT,
        BYTES;

        static Kind of(int choice) {
            if (choice < 6) {
                return FRESH;
            }
            if (choice < 10) {
                return IDENTICAL;
            }
            return switch (choice) {
                case 10, 11 -> PAID;
                case 12 -> UNPAID;
                case 13, 14 -> CHANGED;
                case 15 -> BAD_VALUE;
                case 16 -> UNKNOWN_LOCATION;
                case 17 -> TEXT;
                case 18 -> BYTES;
                default -> FRESH;
            };
        }

        boolean repeats() {
            return this == IDENTICAL || this == PAID || this == UNPAID || this == CHANGED;
        }
    }

    /** A value as a file holds it: CSV quotes what needs it; TSV has no quoting. */
    private static String quoted(FileFormat format, String value) {
        if (format == FileFormat.TSV || !value.matches("(?s).*[,\"\r\n].*")) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
