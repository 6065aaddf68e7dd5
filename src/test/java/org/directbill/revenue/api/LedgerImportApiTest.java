package org.directbill.revenue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.revenue.LedgerFiles.file;
import static org.directbill.revenue.LedgerFiles.line;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.directbill.revenue.LedgerFiles;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/ledger/imports} and {@code /payments}, the jobs they start, on H2 and PostgreSQL. */
@IntegrationTest
class LedgerImportApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

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

    @Test
    void aLineRepeatedInsideOneFileIsImportedOnceWithItsPaidDate() throws Exception {
        JsonNode job =
                ledger.importLedger(file(sale("1", "", "10.5"), sale("2", "", "1"), sale("1", "2020-06-01", "10.5")));

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("linesImported").asLong()).isEqualTo(2);
        assertThat(job.get("linesDuplicate").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT paid_date FROM ledger_line WHERE line_id = ?")
                        .params(prefix + "1")
                        .query(java.time.LocalDate.class)
                        .single())
                .isEqualTo("2020-06-01");
        assertThat(rollups.all()).containsExactlyInAnyOrderElementsOf(rollups.recomputedFromLedger());
    }

    @Test
    void aLineRepeatedInsideOneFileWithAnotherAmountRefusesTheFile() throws Exception {
        JsonNode refused = ledger.importLedger(file(sale("1", "", "10.5"), sale("1", "", "10.6")));

        assertThat(refused.get("status").asString()).isEqualTo("FAILED");
        assertThat(refused.get("errors").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("CONFLICTING_DUPLICATE");
        assertThat(storedLines()).isZero();
    }

    @Test
    void aStoredPaidDateMeetingAnEmptyOneIsADuplicate() throws Exception {
        ledger.importLedger(file(sale("1", "2020-06-01", "10.5")));
        JsonNode older = ledger.importLedger(file(sale("1", "", "10.5")));

        assertThat(older.get("linesDuplicate").asLong()).isEqualTo(1);
        assertThat(older.get("linesPaidUpdated").asLong()).isZero();
    }

    @Test
    void anotherPaidDateForAPaidLineIsAConflict() throws Exception {
        ledger.importLedger(file(sale("1", "2020-06-01", "10.5")));
        JsonNode refused = ledger.importLedger(file(sale("1", "2020-06-02", "10.5")));

        assertThat(refused.get("errors").get(0).get("column").asString()).isEqualTo("paid_date");
    }

    @Test
    void aTabSeparatedFileIsRead() throws Exception {
        String tsv = file(sale("1", "2020-06-01", "10.5")).replace(',', '\t');
        JsonNode job = ledger.run("/api/v1/ledger/imports", "text/tab-separated-values", tsv, Fixtures.admin());

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("format").asString()).isEqualTo("TSV");
    }

    @Test
    void aFileCanComeAsTheMultipartFieldFileAndKeepsItsName() throws Exception {
        String location = mvc.perform(multipart("/api/v1/ledger/imports")
                        .file(new MockMultipartFile(
                                "file",
                                "sales.tsv",
                                "application/octet-stream",
                                file(sale("1", "", "1")).replace(',', '\t').getBytes(StandardCharsets.UTF_8)))
                        .with(Fixtures.admin()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        JsonNode job = ledger.awaitEnd(location);

        assertThat(job.get("fileName").asString()).isEqualTo("sales.tsv");
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRefusedAtOnceAndStartsNoJob() throws Exception {
        long jobs =
                jdbc.sql("SELECT COUNT(*) FROM ledger_import").query(Long.class).single();
        mvc.perform(post("/api/v1/ledger/imports")
                        .with(Fixtures.admin())
                        .header("Accept-Language", "fr")
                        .contentType("text/csv")
                        .content("line_id,invoice_id,location_id,customer_id,product_category,billing_date,currency\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("amount"))
                .andExpect(jsonPath("$.errors[0].code").value("MISSING_COLUMN"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("L’en-tête n’a pas de colonne amount, qui est obligatoire."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_import")
                        .query(Long.class)
                        .single())
                .isEqualTo(jobs);
    }

    @Test
    void aBodyThatIsNotCsvIsRefusedWith415() throws Exception {
        mvc.perform(post("/api/v1/ledger/imports")
                        .with(Fixtures.admin())
                        .contentType("application/json")
                        .content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anUnknownColumnIsReportedOnceAsAWarning() throws Exception {
        String csv = file(sale("1", "", "1")).replaceFirst("\n", ",region\n").replace(",EUR\n", ",EUR,west\n");
        JsonNode job = ledger.importLedger(csv);

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("warnings")).hasSize(1);
        assertThat(job.get("warnings").get(0).get("column").asString()).isEqualTo("region");
    }

    @Test
    void theOrderingPlatformFeedsTheLedgerWithItsKeyAndReviewersOnlyRead() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String key =
                fixtures.issueApiKey(fixtures.addStaff("INTEGRATION").get("id").asString());
        JsonNode job = ledger.run("/api/v1/ledger/imports", "text/csv", file(sale("1", "", "1")), request -> {
            request.addHeader("Authorization", "Bearer " + key);
            return request;
        });
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("submittedBy").asString()).isNotBlank();

        String reviewer = fixtures.addStaff("REVIEWER").get("email").asString();
        mvc.perform(post("/api/v1/ledger/imports")
                        .with(Fixtures.as(reviewer))
                        .contentType("text/csv")
                        .content(file(sale("2", "", "1"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/ledger/imports/" + job.get("id").asString()).with(Fixtures.as(reviewer)))
                .andExpect(status().isOk());
        String partnerUser = fixtures.addPartnerUser(fixtures.createPartner(Fixtures.unique("P ")), "GLOBAL_ADMIN");
        mvc.perform(get("/api/v1/ledger/imports/" + job.get("id").asString()).with(Fixtures.as(partnerUser)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/ledger/imports/" + job.get("id").asString())).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownImportIs404() throws Exception {
        mvc.perform(get("/api/v1/ledger/imports/" + java.util.UUID.randomUUID()).with(Fixtures.admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("IMPORT_NOT_FOUND"));
    }

    @Test
    void aProgramAdminCanRebuildTheRollupsAndTheyStayTheSame() throws Exception {
        ledger.importLedger(file(sale("1", "", "10.5"), sale("2", "2020-06-01", "1")));
        var before = rollups.all();

        mvc.perform(post("/api/v1/ledger/rollups/rebuild").with(Fixtures.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups").value(before.size()));
        assertThat(rollups.all()).containsExactlyInAnyOrderElementsOf(before);
    }
}
