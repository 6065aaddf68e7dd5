package org.directbill.revenue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.revenue.LedgerFiles.file;
import static org.directbill.revenue.LedgerFiles.line;

import org.directbill.revenue.LedgerFiles;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/ledger/imports} and {@code /payments}, the jobs they start, on H2 and PostgreSQL. */
@IntegrationTest
class LedgerImportApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LedgerFiles ledger;
    String location;
    String prefix;

    @BeforeEach
    void partnerWithALocation() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String partner = fixtures.createPartner(Fixtures.unique("Ledger Co "));
        location = fixtures.addLocation(partner, "FR", "ACTIVE");
        ledger = new LedgerFiles(mvc);
        prefix = Fixtures.unique("L");
    }

    private String sale(String n, String paid, String amount) {
        return line(prefix + n, prefix + "-INV", location, "AZURE_CONSUMPTION", "2020-05-04", paid, amount, "EUR");
    }

    private long storedLines() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_line WHERE line_id LIKE ?")
                .params(prefix + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void aValidFileIsImportedWhole() throws Exception {
        JsonNode job = ledger.importLedger(file(sale("1", "2020-06-01", "10.5"), sale("2", "", "-3")));

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("linesRead").asLong()).isEqualTo(2);
        assertThat(job.get("linesImported").asLong()).isEqualTo(2);
        assertThat(storedLines()).isEqualTo(2);
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        String csv = file(sale("1", "2020-06-01", "10.5"), sale("2", "", "-3"));
        ledger.importLedger(csv);
        JsonNode again = ledger.importLedger(csv);

        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("linesImported").asLong()).isZero();
        assertThat(again.get("linesDuplicate").asLong()).isEqualTo(2);
        assertThat(storedLines()).isEqualTo(2);
    }

    @Test
    void aPaidDateArrivingForAnUnpaidLineUpdatesIt() throws Exception {
        ledger.importLedger(file(sale("1", "", "10.5")));
        JsonNode paid = ledger.importLedger(file(sale("1", "2020-06-01", "10.5")));

        assertThat(paid.get("linesPaidUpdated").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT paid_date FROM ledger_line WHERE line_id = ?")
                        .params(prefix + "1")
                        .query(java.time.LocalDate.class)
                        .single())
                .isEqualTo("2020-06-01");
    }

    @Test
    void aConflictingDuplicateRefusesTheWholeFile() throws Exception {
        ledger.importLedger(file(sale("1", "", "10.5")));
        JsonNode refused = ledger.importLedger(file(sale("2", "", "1"), sale("1", "", "11")));

        assertThat(refused.get("status").asString()).isEqualTo("FAILED");
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("CONFLICTING_DUPLICATE");
        assertThat(refused.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(refused.get("errors").get(0).get("column").asString()).isEqualTo("amount");
        assertThat(storedLines()).isEqualTo(1);
    }

    @Test
    void everyBadLineIsListedAndNothingIsImported() throws Exception {
        JsonNode refused = ledger.importLedger(file(
                sale("1", "", "10.5"),
                line(prefix + "2", "I", location, "HARDWARE", "2020-13-01", "", "\"1,5\"", "EURO"),
                line(prefix + "3", "I", "0000000", "AZURE_CONSUMPTION", "2020-05-01", "", "1", "EUR")));

        assertThat(refused.get("status").asString()).isEqualTo("FAILED");
        assertThat(refused.get("errorCount").asLong()).isEqualTo(5);
        assertThat(refused.get("errors").findValuesAsString("code"))
                .containsExactly("UNKNOWN_CATEGORY", "BAD_DATE", "BAD_AMOUNT", "UNKNOWN_CURRENCY", "UNKNOWN_LOCATION");
        assertThat(storedLines()).isZero();
    }

    @Test
    void valuesNoDatabaseCanHoldAreLineErrorsNotAFailedImport() throws Exception {
        JsonNode refused = ledger.importLedger(file(
                line(prefix + "1", "I", location, "AZURE_CONSUMPTION", "0000-05-04", "", "1", "EUR"),
                sale("2", "", "1").replace("Product", "Pro\u0000duct")));

        assertThat(refused.get("status").asString()).isEqualTo("FAILED");
        assertThat(refused.get("failure").isNull()).isTrue();
        assertThat(refused.get("errors").findValuesAsString("code")).containsExactly("BAD_DATE", "BAD_CHARACTER");
        JsonNode unpaid = ledger.importPayments("invoice_id,paid_date\n" + prefix + "-INV," + "9".repeat(3000) + "\n");
        assertThat(unpaid.get("failure").isNull()).isTrue();
        assertThat(unpaid.get("errors").get(0).get("code").asString()).isEqualTo("TOO_LONG");
        assertThat(storedLines()).isZero();
    }

    @Test
    void anUnknownColumnWithALongNameIsAWarningNotAFailedImport() throws Exception {
        String csv = file(sale("1", "", "1") + ",ignored").replaceFirst("\n", ",\"" + "n".repeat(300) + "\"\n");

        JsonNode job = ledger.importLedger(csv);

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("warnings").get(0).get("column").asString()).isEqualTo("n".repeat(64) + "…");
        assertThat(storedLines()).isEqualTo(1);
    }

    @Test
    void paymentsMarkEveryLineOfTheirInvoicePaid() throws Exception {
        ledger.importLedger(file(sale("1", "", "10.5"), sale("2", "", "1")));
        JsonNode paid = ledger.importPayments("invoice_id,paid_date\n" + prefix + "-INV,2020-07-01\n");

        assertThat(paid.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(paid.get("linesPaidUpdated").asLong()).isEqualTo(2);
        JsonNode unknown = ledger.importPayments("invoice_id,paid_date\nNOPE-" + prefix + ",2020-07-01\n");
        assertThat(unknown.get("errors").get(0).get("code").asString()).isEqualTo("UNKNOWN_INVOICE");
    }
}
