package org.directbill.revenue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.revenue.LedgerFiles.file;
import static org.directbill.revenue.LedgerFiles.line;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.revenue.domain.FileFormat;
import org.directbill.revenue.domain.ImportKind;
import org.directbill.revenue.domain.ImportStatus;
import org.directbill.revenue.domain.LedgerImport;
import org.directbill.revenue.internal.ImportRecords;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The ledger pages as a person meets them: the upload form and its refusals in place, the job page
 * followed live up to its outcome, the history with the rebuild of the rollups, and who sees what.
 */
@IntegrationTest
class LedgerImportPagesTest {

    private static final Pattern JOB_ADDRESS = Pattern.compile("/ledger/imports/([0-9a-f-]{36})");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRecords records;

    @Autowired
    Clock clock;

    Fixtures fixtures;
    String location;
    String prefix;

    @BeforeEach
    void partnerWithALocation() throws Exception {
        fixtures = new Fixtures(mvc);
        location = fixtures.addLocation(fixtures.createPartner(Fixtures.unique("Ledger Pages ")), "FR", "ACTIVE");
        prefix = Fixtures.unique("P");
    }

    private String sale(String n, String paid, String amount) {
        return line(prefix + n, prefix + "-INV", location, "AZURE_CONSUMPTION", "2020-05-04", paid, amount, "EUR");
    }

    @Test
    void a_program_admin_uploads_a_ledger_and_its_job_page_ends_with_the_counts() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String form = page(get("/ledger/imports/new").session(admin));
        assertThat(form)
                .contains("id=\"import-form\"", "enctype=\"multipart/form-data\"", "method=\"post\"")
                .contains("<label for=\"import-file\"", "id=\"import-file\" name=\"file\" type=\"file\"")
                .contains("name=\"kind\" value=\"LEDGER\"", "name=\"kind\" value=\"PAYMENTS\"")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");

        String fileName = prefix + ".csv";
        String jobAddress =
                upload(admin, "LEDGER", csv(fileName, file(sale("1", "2020-06-01", "10.5"), sale("2", "", "-3"))));
        String done = awaitEnd(jobAddress, admin);

        assertThat(visibleText(done))
                .contains("Import of " + fileName, "Sales ledger", fileName + " CSV", "Sent by admin")
                .contains("Status: Succeeded", "100 %", "The file was imported.")
                .contains("Lines read 2 Imported 2 Duplicates 0 Paid dates updated 0 Errors 0");
        assertThat(done)
                .contains("id=\"import-status\"", "class=\"badge succeeded\"")
                .containsPattern("<progress id=\"import-progress\" max=\"100\" value=\"100\"")
                .contains("aria-live=\"polite\"")
                .doesNotContain("hx-trigger", "id=\"import-errors\"");

        // Sent again: every line is a duplicate.
        String again = awaitEnd(
                upload(admin, "LEDGER", csv(fileName, file(sale("1", "2020-06-01", "10.5"), sale("2", "", "-3")))),
                admin);
        assertThat(visibleText(again)).contains("Lines read 2 Imported 0 Duplicates 2 Paid dates updated 0");

        String history = page(get("/ledger/imports").session(admin));
        assertThat(history).contains("href=\"" + jobAddress + "\"");
        assertThat(visibleText(history))
                .contains("Ledger imports", "Import a file")
                .contains("Sales ledger " + fileName + " admin Succeeded 2 2 0 0 0")
                .contains("Sales ledger " + fileName + " admin Succeeded 2 0 2 0 0");
    }

    @Test
    void a_payments_file_updates_paid_dates_and_its_page_says_how_many() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        awaitEnd(upload(admin, "LEDGER", csv(prefix + ".csv", file(sale("1", "", "10"), sale("2", "", "5")))), admin);

        String payments = prefix + "-payments.tsv";
        String done = awaitEnd(
                upload(
                        admin,
                        "PAYMENTS",
                        new MockMultipartFile(
                                "file",
                                payments,
                                "text/tab-separated-values",
                                ("invoice_id\tpaid_date\n" + prefix + "-INV\t2020-07-01\n")
                                        .getBytes(StandardCharsets.UTF_8))),
                admin);
        assertThat(visibleText(done))
                .contains("Payments", payments + " TSV", "Status: Succeeded")
                .contains("Lines read 1 Imported 0 Duplicates 0 Paid dates updated 2");
    }

    @Test
    void a_file_with_bad_lines_lists_its_errors_on_the_job_page_in_french_and_in_english() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String jobAddress = upload(
                admin,
                "LEDGER",
                csv(
                        prefix + "-bad.csv",
                        file(
                                sale("1", "", "10.5"),
                                line(prefix + "2", "I", location, "HARDWARE", "2020-05-01", "", "\"1,5\"", "EUR"),
                                line(
                                        prefix + "3",
                                        "I",
                                        "0000000",
                                        "AZURE_CONSUMPTION",
                                        "2020-05-01",
                                        "",
                                        "1",
                                        "EUR"))));
        String english = awaitEnd(jobAddress, admin);

        assertThat(english)
                .contains("class=\"badge failed\"", "id=\"import-errors\"")
                .doesNotContain("hx-trigger");
        assertThat(visibleText(english))
                .contains("Status: Failed", "The file was refused and nothing of it was imported: 3 error(s).")
                .contains("Lines read 3 Imported 0")
                .contains("Line Column Code Problem")
                .contains("3 product_category UNKNOWN_CATEGORY HARDWARE is not a product category")
                .contains("3 amount BAD_AMOUNT 1,5 is not an amount")
                .contains("4 location_id UNKNOWN_LOCATION No partner has the location ID 0000000.")
                .doesNotContain("Only the first");

        String french = page(get(jobAddress).session(admin).header("Accept-Language", "fr"));
        assertThat(visibleText(french))
                .contains("État : Échoué", "Le fichier a été refusé et rien n’en a été importé : 3 erreur(s).")
                .contains("Ligne Colonne Code Problème")
                .contains("3 product_category UNKNOWN_CATEGORY HARDWARE n’est pas une catégorie de produit")
                .contains("3 amount BAD_AMOUNT 1,5 n’est pas un montant")
                .contains("4 location_id UNKNOWN_LOCATION Aucun partenaire n’a l’identifiant d’emplacement 0000000.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_line WHERE line_id LIKE ?")
                        .params(prefix + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_refused_header_shows_its_errors_in_place_and_queues_nothing() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String fileName = prefix + "-header.csv";
        MvcResult refused = mvc.perform(multipart("/ledger/imports")
                        .file(csv(fileName, "line_id,invoice_id\nA,B\n"))
                        .param("kind", "LEDGER")
                        .session(admin)
                        .header("Accept-Language", "fr")
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn();
        String html = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"import-errors\"", "id=\"import-form\"");
        assertThat(visibleText(html))
                .contains(fileName + " a été refusé avant la lecture de ses lignes, et aucun import n’a commencé")
                .contains("Ligne Colonne Problème")
                .contains("1 location_id L’en-tête n’a pas de colonne location_id, qui est obligatoire. MISSING_COLUMN")
                .contains("1 amount L’en-tête n’a pas de colonne amount");

        String empty = visibleText(mvc.perform(multipart("/ledger/imports")
                        .file(csv(prefix + "-empty.csv", ""))
                        .param("kind", "PAYMENTS")
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(empty).contains("1 — The file is empty");

        String noFile = visibleText(
                mvc.perform(multipart("/ledger/imports").session(admin).with(csrf()))
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(noFile).contains("Choose a CSV or TSV file.");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_import WHERE file_name LIKE ?")
                        .params(prefix + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_polling_fragment_carries_the_trigger_while_the_job_runs_and_not_after() throws Exception {
        // A job record with no runner behind it, moved along by hand.
        UUID id = UUID.randomUUID();
        records.create(new LedgerImport(
                id,
                ImportKind.LEDGER,
                ImportStatus.QUEUED,
                prefix + "-live.csv",
                FileFormat.CSV,
                200,
                0,
                "admin",
                clock.instant(),
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                null,
                List.of(),
                List.of()));
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String fragmentAddress = "/ledger/imports/" + id + "/progress";

        String queued = page(get("/ledger/imports/" + id).session(admin));
        assertThat(queued)
                .contains("aria-live=\"polite\"")
                .contains("hx-get=\"" + fragmentAddress + "\"", "hx-trigger=\"every 1s\"", "hx-swap=\"outerHTML\"");
        assertThat(visibleText(queued)).contains("Status: Queued", "0 %");

        records.started(id, clock.instant());
        records.progress(id, 50, 7, clock.instant());
        String running = page(get(fragmentAddress).session(admin));
        assertThat(running)
                .startsWith("<div id=\"import-job\"")
                .doesNotContain("<html", "import-form")
                .contains("hx-get=\"" + fragmentAddress + "\"", "hx-trigger=\"every 1s\"")
                .contains("class=\"badge running\"")
                .containsPattern("<progress id=\"import-progress\" max=\"100\" value=\"25\"");
        assertThat(visibleText(running)).contains("Status: Running", "25 %", "Lines read so far: 7");

        records.finished(
                id,
                ImportStatus.FAILED,
                new ImportRecords.Counts(7, 0, 0, 0),
                0,
                List.of(),
                List.of(),
                LedgerImport.INTERRUPTED,
                clock.instant());
        String ended = page(get(fragmentAddress).session(admin));
        assertThat(ended).doesNotContain("hx-trigger", "hx-get").contains("class=\"badge failed\"");
        assertThat(visibleText(ended))
                .contains("Status: Failed", "100 %")
                .doesNotContain("so far")
                .contains("The import was cut off (the service stopped or restarted) and nothing of it was kept:"
                        + " send the file again.");
        assertThat(visibleText(page(get(fragmentAddress).session(admin).header("Accept-Language", "fr"))))
                .contains("envoyez à nouveau le fichier");
    }

    @Test
    void the_job_page_says_when_only_the_first_thousand_errors_are_listed() throws Exception {
        UUID id = UUID.randomUUID();
        records.create(new LedgerImport(
                id,
                ImportKind.LEDGER,
                ImportStatus.QUEUED,
                prefix + "-many.csv",
                FileFormat.CSV,
                10,
                0,
                "admin",
                clock.instant(),
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                null,
                List.of(),
                List.of()));
        records.started(id, clock.instant());
        records.finished(
                id,
                ImportStatus.FAILED,
                new ImportRecords.Counts(1500, 0, 0, 0),
                1500,
                List.of(org.directbill.revenue.domain.FileError.of(2, "amount", "BAD_AMOUNT", "x")),
                List.of(org.directbill.revenue.domain.FileError.of(1, "note", "UNKNOWN_COLUMN", "note")),
                null,
                clock.instant());
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);

        assertThat(visibleText(page(get("/ledger/imports/" + id).session(admin))))
                .contains("Only the first 1,000 of 1,500 errors are listed.")
                .contains("2 amount BAD_AMOUNT x is not an amount")
                .contains("Warnings Line 1: The column note is not a ledger column: it was ignored.");
    }

    @Test
    void a_reviewer_reads_the_history_and_the_jobs_but_cannot_upload_or_rebuild() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String jobAddress = upload(admin, "LEDGER", csv(prefix + "-r.csv", file(sale("1", "", "1"))));
        awaitEnd(jobAddress, admin);

        MockHttpSession reviewer =
                signIn(fixtures.addStaff("REVIEWER").get("email").asString(), Fixtures.PASSWORD);
        String history = page(get("/ledger/imports").session(reviewer).param("lang", "fr"));
        assertThat(history).contains("href=\"/ledger/imports\"", "href=\"" + jobAddress + "\"");
        assertThat(visibleText(history))
                .contains("Registre des ventes", "Imports du registre des ventes", "Réussi")
                .doesNotContain("Importer un fichier", "Recalculer");
        assertThat(visibleText(page(get(jobAddress).session(reviewer)))).doesNotContain("Envoyer un fichier");

        mvc.perform(get("/ledger/imports/new").session(reviewer)).andExpect(status().isForbidden());
        mvc.perform(multipart("/ledger/imports")
                        .file(csv("x.csv", file(sale("9", "", "1"))))
                        .session(reviewer)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ledger/rollups/rebuild").session(reviewer).with(csrf()))
                .andExpect(status().isForbidden());

        MockHttpSession analyst =
                signIn(fixtures.addStaff("CREDIT_ANALYST").get("email").asString(), Fixtures.PASSWORD);
        page(get("/ledger/imports").session(analyst));
        page(get(jobAddress).session(analyst));
    }

    @Test
    void a_partner_user_sees_no_ledger_page() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String jobAddress = upload(admin, "LEDGER", csv(prefix + "-p.csv", file(sale("1", "", "1"))));
        awaitEnd(jobAddress, admin);

        String partnerId = fixtures.createPartner(Fixtures.unique("No Ledger "));
        MockHttpSession user = signIn(fixtures.addPartnerUser(partnerId, "GLOBAL_ADMIN"), Fixtures.PASSWORD);
        assertThat(page(get("/partners/" + partnerId).session(user))).doesNotContain("/ledger/imports");
        for (String path : new String[] {
            "/ledger/imports", "/ledger/imports/new", jobAddress, jobAddress + "/progress", "/ledger/imports/nope"
        }) {
            mvc.perform(get(path).session(user)).andExpect(status().isForbidden());
        }
        mvc.perform(multipart("/ledger/imports")
                        .file(csv("x.csv", file(sale("9", "", "1"))))
                        .session(user)
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void an_unknown_job_is_not_found() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        mvc.perform(get("/ledger/imports/" + UUID.randomUUID()).session(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/ledger/imports/not-an-id").session(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/ledger/imports/" + UUID.randomUUID() + "/progress").session(admin))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_program_admin_rebuilds_the_rollups_and_reads_how_many_groups_there_are() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String history = page(get("/ledger/imports").session(admin));
        assertThat(history).contains("<details id=\"rebuild-rollups\"", "action=\"/ledger/rollups/rebuild\"");
        assertThat(visibleText(history)).contains("Rebuild the rollups…", "Rebuild them only when", "Rebuild now");

        mvc.perform(post("/ledger/rollups/rebuild").session(admin)).andExpect(status().isForbidden());
        MvcResult rebuilt = mvc.perform(
                        post("/ledger/rollups/rebuild").session(admin).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/ledger/imports"))
                .andReturn();
        String after = page(get("/ledger/imports").session(admin).flashAttrs(rebuilt.getFlashMap()));
        assertThat(visibleText(after)).containsPattern("The rollups were rebuilt from the ledger: [0-9,]+ groups\\.");
    }

    @Test
    void the_pages_carry_no_inline_script_or_style() throws Exception {
        MockHttpSession admin = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String jobAddress = upload(admin, "LEDGER", csv(prefix + "-i.csv", file(sale("1", "", "1"))));
        awaitEnd(jobAddress, admin);
        for (String path : new String[] {"/ledger/imports", "/ledger/imports/new", jobAddress}) {
            String html = page(get(path).session(admin));
            assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            assertThat(html).doesNotContainPattern("\\sstyle=\"");
            assertThat(html).doesNotContainPattern("<style[\\s>]");
            assertThat(html).doesNotContainPattern("\\son[a-z]+=\"");
            assertThat(html).contains("href=\"/ledger/imports\"");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static MockMultipartFile csv(String name, String content) {
        return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts the form and follows its redirect to the job's address, as a browser does. */
    private String upload(MockHttpSession session, String kind, MockMultipartFile file) throws Exception {
        MockMultipartHttpServletRequestBuilder form =
                multipart("/ledger/imports").file(file);
        String target = mvc.perform(form.param("kind", kind).session(session).with(csrf()))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(target).isNotNull();
        Matcher job = JOB_ADDRESS.matcher(target);
        assertThat(job.matches()).as(target).isTrue();
        return target;
    }

    /** Reloads the job page until the job has ended (at most 30 s), as its polling does; returns the last page. */
    private String awaitEnd(String jobAddress, MockHttpSession session) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            String html = page(get(jobAddress).session(session));
            if (!html.contains("hx-trigger")) {
                return html;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the import did not end: " + visibleText(html));
            }
            Thread.sleep(20);
        }
    }

    private String page(RequestBuilder request) throws Exception {
        return new Pages(mvc).page(request);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return new Pages(mvc).signIn(username, password);
    }

    private static String visibleText(String html) {
        return Pages.visibleText(html);
    }
}
