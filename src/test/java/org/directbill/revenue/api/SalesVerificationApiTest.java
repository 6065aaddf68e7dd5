package org.directbill.revenue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.directbill.revenue.LedgerLines;
import org.directbill.revenue.domain.ExclusionReason;
import org.directbill.revenue.domain.RevenueResult;
import org.directbill.revenue.domain.TtmCalculator;
import org.directbill.revenue.domain.TtmParameters;
import org.directbill.revenue.domain.UsdRate;
import org.directbill.revenue.domain.UsdRates;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verification of sales over the API, on H2 and on PostgreSQL: opening cases, requests,
 * answers with attachments, decisions, every refusal and who may do what, and the ledger's
 * rollups following each step.
 */
@IntegrationTest
class SalesVerificationApiTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    final JsonMapper json = JsonMapper.builder().build();
    Fixtures fixtures;
    LedgerLines ledger;
    String partner;
    String location;
    String otherLocation;
    RequestPostProcessor reviewer;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new Fixtures(mvc);
        ledger = new LedgerLines(jdbc, rollups);
        partner = fixtures.createPartner(Fixtures.unique("Verified"));
        location = fixtures.addLocation(partner, "FR", "ACTIVE");
        otherLocation = fixtures.addLocation(partner, "BE", "SUSPENDED");
        reviewer = as(fixtures.addStaff("REVIEWER").get("email").asString());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private ResultActions open(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/partners/{id}/sales-verifications", partner)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private JsonNode opened(String body) throws Exception {
        return read(open(reviewer, body).andExpect(status().isCreated()));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static String ids(String... ids) {
        return "["
                + String.join(
                        ",", List.of(ids).stream().map(id -> "\"" + id + "\"").toList()) + "]";
    }

    private ResultActions postJson(String path, RequestPostProcessor who, String body, Object... vars)
            throws Exception {
        return mvc.perform(post(path, vars)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions ask(String caseId, RequestPostProcessor who) throws Exception {
        return postJson(
                "/api/v1/sales-verifications/{id}/requests",
                who,
                "{\"message\": \"Send the signed orders.\", \"dueDate\": \"" + today().plusDays(14) + "\"}",
                caseId);
    }

    private ResultActions decide(String caseId, RequestPostProcessor who, String body) throws Exception {
        return postJson("/api/v1/sales-verifications/{id}/decisions", who, body, caseId);
    }

    private static MockMultipartHttpServletRequestBuilder answer(
            String caseId, String message, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/sales-verifications/{id}/answers", caseId);
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        request.param("message", message);
        return request;
    }

    private static MockMultipartFile file(String name, String claimedType, byte[] content) {
        return new MockMultipartFile("files", name, claimedType, content);
    }

    /**
     * The revenue of the test's partner from its rollups, as of 2025-06-10 (window 2024-06 to
     * 2025-05), a euro counted as a dollar: what the revenue endpoint will read.
     */
    private RevenueResult revenue() {
        UsdRates oneToOne = (currency, date) -> Optional.of(
                "USD".equals(currency) ? UsdRate.usd() : new UsdRate(currency, date, BigDecimal.ONE, BigDecimal.ONE));
        return new TtmCalculator(oneToOne)
                .compute(
                        LocalDate.parse("2025-06-10"),
                        TtmParameters.defaults(),
                        rollups.of(
                                List.of(location, otherLocation),
                                LocalDate.parse("2024-06-01"),
                                LocalDate.parse("2025-05-31")));
    }

    private void assertRevenue(String total, long open, long verified, long rejected, long rejectedLines) {
        RevenueResult revenue = revenue();
        assertThat(revenue.total().rounded()).isEqualByComparingTo(total);
        assertThat(revenue.verification()).isEqualTo(new RevenueResult.VerificationCounts(open, verified, rejected));
        assertThat(revenue.excluded(ExclusionReason.REJECTED).lines()).isEqualTo(rejectedLines);
    }

    /** The rollups equal a recomputation from the ledger: every change kept them exact. */
    private void assertRollupsExact() {
        assertThat(rollups.all()).containsExactlyInAnyOrderElementsOf(rollups.recomputedFromLedger());
    }

    // Opening --------------------------------------------------------------------------------------

    @Test
    void a_reviewer_opens_a_case_by_invoice_and_by_line_and_the_sales_become_open() throws Exception {
        LedgerLines.Line onInvoice = LedgerLines.sale(location);
        String invoice = onInvoice.invoiceId();
        List<String> lines = ledger.add(
                onInvoice,
                LedgerLines.sale(otherLocation).invoice(invoice).amount("-20.5", "EUR"),
                LedgerLines.sale(location).amount("1234.5678", "USD"));
        String untouched = ledger.addSale(location);

        JsonNode created = read(open(
                        reviewer,
                        "{\"invoiceIds\": [\"" + invoice + "\"], \"lineIds\": [\"" + lines.get(2) + "\", \""
                                + lines.get(0) + "\"]}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/sales-verifications/"))));

        String caseId = created.get("id").asString();
        assertThat(created.get("partnerId").asString()).isEqualTo(partner);
        assertThat(created.get("status").asString()).isEqualTo("OPEN");
        assertThat(created.get("dueDate").isNull()).isTrue();
        assertThat(created.get("overdue").asBoolean()).isFalse();
        assertThat(created.get("sales").toString()).isEqualTo("{\"total\":3,\"open\":3,\"verified\":0,\"rejected\":0}");
        assertThat(created.get("amounts").toString())
                .isEqualTo(
                        "[{\"currency\":\"EUR\",\"amount\":\"79.50\"},{\"currency\":\"USD\",\"amount\":\"1234.5678\"}]");
        assertThat(created.get("lines").findValuesAsString("lineId")).containsExactlyInAnyOrderElementsOf(lines);
        assertThat(created.get("lines").get(0).get("state").asString()).isEqualTo("OPEN");
        assertThat(created.get("messages").size()).isZero();
        for (String line : lines) {
            assertThat(ledger.verification(line)).isEqualTo("OPEN");
        }
        assertThat(ledger.verification(untouched)).isEqualTo("NONE");
        assertRollupsExact();

        mvc.perform(get("/api/v1/sales-verifications/{id}", caseId).with(reviewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sales.total").value(3))
                .andExpect(jsonPath("$.lines[0].amount").exists());
        mvc.perform(get("/api/v1/audit").param("subject", partner).with(admin()))
                .andExpect(jsonPath("$.items[0].action").value("SALES_VERIFICATION_OPENED"))
                .andExpect(jsonPath("$.items[0].subjectId").value(caseId));
    }

    @Test
    void a_case_opened_with_a_message_asks_the_partner_at_once() throws Exception {
        String line = ledger.addSale(location);
        LocalDate due = today().plusDays(7);

        JsonNode created = opened("{\"lineIds\": [\"" + line
                + "\"], \"message\": \"Who is the customer?\", \"dueDate\": \"" + due + "\"}");

        assertThat(created.get("status").asString()).isEqualTo("INFO_REQUESTED");
        assertThat(created.get("dueDate").asString()).isEqualTo(due.toString());
        JsonNode request = created.get("messages").get(0);
        assertThat(request.get("kind").asString()).isEqualTo("REQUEST");
        assertThat(request.get("message").asString()).isEqualTo("Who is the customer?");
        assertThat(request.get("dueDate").asString()).isEqualTo(due.toString());
        assertThat(request.get("writtenBy").asString()).endsWith("@example.com");
    }

    @Test
    void unknown_invoices_and_lines_are_refused_naming_each_and_another_partners_sale_is_unknown_too()
            throws Exception {
        String own = ledger.addSale(location);
        String otherPartner = fixtures.createPartner(Fixtures.unique("Other"));
        String theirs = ledger.addSale(fixtures.addLocation(otherPartner, "FR", "ACTIVE"));

        open(reviewer, "{\"invoiceIds\": [\"NO-SUCH-INVOICE\"], \"lineIds\": " + ids(own, theirs, "NO-SUCH-LINE") + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("invoiceIds[0]"))
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_INVOICE"))
                .andExpect(jsonPath("$.errors[0].message").value("NO-SUCH-INVOICE is not an invoice of this partner."))
                .andExpect(jsonPath("$.errors[1].field").value("lineIds[1]"))
                .andExpect(jsonPath("$.errors[1].message").value(theirs + " is not a sale of this partner."))
                .andExpect(jsonPath("$.errors[2].field").value("lineIds[2]"))
                .andExpect(jsonPath("$.errors.length()").value(3));
        assertThat(ledger.verification(own)).as("nothing changed").isEqualTo("NONE");
    }

    @Test
    void a_selection_needs_a_sale_and_a_request_needs_both_its_message_and_a_due_date_not_in_the_past()
            throws Exception {
        String line = ledger.addSale(location);
        open(reviewer, "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lineIds"))
                .andExpect(jsonPath("$.errors[0].code").value("SALES_REQUIRED"));
        open(reviewer, "{\"lineIds\": [\"" + line + "\"], \"message\": \"Why?\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        mvc.perform(post("/api/v1/partners/{id}/sales-verifications", partner)
                        .with(reviewer)
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lineIds\": [\"" + line + "\"], \"message\": \"Why?\", \"dueDate\": \""
                                + today().minusDays(1) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("DUE_DATE_IN_PAST"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("L’échéance " + today().minusDays(1) + " est passée : aujourd’hui (" + today()
                                + ") ou plus tard."));
        open(reviewer, "{\"lineIds\": [\"" + line + "\"], \"dueDate\": \"31/12/2030\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_VALUE"));
        open(reviewer, "{\"lineIds\": [\"" + line + "\"], \"sales\": []}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
        assertThat(ledger.verification(line)).isEqualTo("NONE");
    }

    @Test
    void a_sale_already_in_an_open_case_is_a_conflict_and_once_that_case_is_closed_it_may_be_selected_again()
            throws Exception {
        String line = ledger.addSale(location);
        String first = opened("{\"lineIds\": [\"" + line + "\"]}").get("id").asString();

        open(reviewer, "{\"lineIds\": [\"" + line + "\"]}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SALE_UNDER_VERIFICATION"))
                .andExpect(
                        jsonPath("$.detail").value("Already in a verification case that is not closed: " + line + "."));

        decide(first, reviewer, "{\"decision\": \"VERIFIED\"}")
                .andExpect(jsonPath("$.status").value("CLOSED"));
        assertThat(ledger.verification(line)).isEqualTo("VERIFIED");
        JsonNode again = opened("{\"lineIds\": [\"" + line + "\"]}");
        assertThat(again.get("status").asString()).isEqualTo("OPEN");
        assertThat(ledger.verification(line)).isEqualTo("OPEN");
        assertRollupsExact();
    }

    @Test
    void an_unknown_partner_is_404_and_a_malformed_id_too() throws Exception {
        mvc.perform(post("/api/v1/partners/{id}/sales-verifications", java.util.UUID.randomUUID())
                        .with(reviewer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lineIds\": [\"X\"]}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PARTNER_NOT_FOUND"));
        mvc.perform(get("/api/v1/sales-verifications/not-a-case").with(reviewer))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("VERIFICATION_CASE_NOT_FOUND"));
        mvc.perform(get("/api/v1/sales-verifications/{id}", java.util.UUID.randomUUID())
                        .with(reviewer))
                .andExpect(status().isNotFound());
    }

    // Requests, answers and attachments ------------------------------------------------------------

    @Test
    void the_partner_answers_a_request_with_files_and_both_sides_download_them_as_they_were_sent() throws Exception {
        String caseId = opened("{\"lineIds\": [\"" + ledger.addSale(location) + "\"]}")
                .get("id")
                .asString();
        String billingAdmin = fixtures.addPartnerUser(partner, "BILLING_ADMIN");

        mvc.perform(answer(caseId, "Here they are.").with(as(billingAdmin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VERIFICATION_NOT_REQUESTED"));

        ask(caseId, reviewer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INFO_REQUESTED"))
                .andExpect(jsonPath("$.dueDate").value(today().plusDays(14).toString()));

        byte[] csv = "invoice;amount\nINV-1;100.00\n".getBytes(StandardCharsets.UTF_8);
        JsonNode answered = read(mvc.perform(answer(
                                caseId,
                                "The signed order and the payment list.",
                                file("order scan.pdf", "image/png", PDF),
                                file("payments.csv", "application/octet-stream", csv),
                                new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                        .with(as(billingAdmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED")));
        JsonNode answer = answered.get("messages").get(1);
        assertThat(answer.get("kind").asString()).isEqualTo("ANSWER");
        assertThat(answer.get("writtenBy").asString()).isEqualTo(billingAdmin);
        JsonNode attachments = answer.get("attachments");
        assertThat(attachments.size()).as("the empty part is no file").isEqualTo(2);
        assertThat(attachments.get(0).get("fileName").asString()).isEqualTo("order scan.pdf");
        assertThat(attachments.get(0).get("contentType").asString())
                .as("read from the content, not the claim")
                .isEqualTo("application/pdf");
        assertThat(attachments.get(0).get("size").asLong()).isEqualTo(PDF.length);
        assertThat(attachments.get(1).get("contentType").asString()).isEqualTo("text/csv;charset=UTF-8");

        String href = attachments.get(0).get("href").asString();
        for (RequestPostProcessor who : List.of(reviewer, as(billingAdmin), admin())) {
            mvc.perform(get(href).with(who))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(header().string("Content-Disposition", containsString("order scan.pdf")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(content().bytes(PDF));
        }
        mvc.perform(get(attachments.get(1).get("href").asString()).with(reviewer))
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(content().bytes(csv));
        mvc.perform(get("/api/v1/sales-verifications/{id}/attachments/{a}", caseId, java.util.UUID.randomUUID())
                        .with(reviewer))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ATTACHMENT_NOT_FOUND"));

        // A second answer, as JSON without files, is fine too.
        postJson(
                        "/api/v1/sales-verifications/{id}/answers",
                        as(billingAdmin),
                        "{\"message\": \"Anything else?\"}",
                        caseId)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages.length()").value(3));
        mvc.perform(get("/api/v1/audit").param("subject", partner).with(admin()))
                .andExpect(jsonPath("$.items[0].action").value("SALES_VERIFICATION_ANSWERED"))
                .andExpect(jsonPath("$.items[1].action").value("SALES_VERIFICATION_ANSWERED"))
                .andExpect(jsonPath("$.items[1].after.attachments[0].fileName").value("order scan.pdf"))
                .andExpect(jsonPath("$.items[2].action").value("SALES_VERIFICATION_INFO_REQUESTED"));
    }

    @Test
    void a_file_too_large_is_413_another_kind_415_and_too_many_or_empty_files_400_keeping_nothing() throws Exception {
        String caseId = opened("{\"lineIds\": [\"" + ledger.addSale(location) + "\"], \"message\": \"Files?\","
                        + " \"dueDate\": \"" + today() + "\"}")
                .get("id")
                .asString();
        String globalAdmin = fixtures.addPartnerUser(partner, "GLOBAL_ADMIN");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        mvc.perform(answer(caseId, "Big.", file("big.pdf", "application/pdf", big))
                        .with(as(globalAdmin)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("ATTACHMENT_TOO_LARGE"))
                .andExpect(jsonPath("$.detail").value("big.pdf is larger than the 10 MB allowed per file."));

        mvc.perform(answer(caseId, "Exe.", file("invoice.pdf", "application/pdf", EXE))
                        .with(as(globalAdmin))
                        .header("Accept-Language", "fr"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("ATTACHMENT_TYPE_NOT_ALLOWED"))
                .andExpect(jsonPath("$.detail", containsString("invoice.pdf n’est ni un PDF")));

        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = file("p" + i + ".png", "image/png", PNG);
        }
        mvc.perform(answer(caseId, "Six.", six).with(as(globalAdmin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files"))
                .andExpect(jsonPath("$.errors[0].message").value("At most 5 files per answer."));
        mvc.perform(answer(caseId, "Empty.", file("empty.pdf", "application/pdf", new byte[0]))
                        .with(as(globalAdmin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files[0]"))
                .andExpect(jsonPath("$.errors[0].code").value("EMPTY_FILE"));
        mvc.perform(answer(caseId, " ", file("ok.png", "image/png", PNG)).with(as(globalAdmin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        mvc.perform(post("/api/v1/sales-verifications/{id}/answers", caseId)
                        .with(as(globalAdmin))
                        .contentType("text/plain")
                        .content("Plain text body."))
                .andExpect(status().isUnsupportedMediaType());

        mvc.perform(get("/api/v1/sales-verifications/{id}", caseId).with(as(globalAdmin)))
                .andExpect(jsonPath("$.status").value("INFO_REQUESTED"))
                .andExpect(jsonPath("$.messages.length()").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM verification_attachment WHERE case_id = ?")
                        .param(java.util.UUID.fromString(caseId))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // Decisions and the rollups --------------------------------------------------------------------

    @Test
    void a_rejected_sale_leaves_the_revenue_and_the_rollups_follow_every_step() throws Exception {
        List<String> lines = ledger.add(
                LedgerLines.sale(location),
                LedgerLines.sale(location).paid(null),
                LedgerLines.sale(otherLocation).amount("55.25", "USD"),
                LedgerLines.sale(location));
        String[] locations = {location, otherLocation};
        assertThat(ledger.rolledUpLinesByState(locations)).isEqualTo(Map.of("NONE", 4L));
        assertRollupsExact();
        assertRevenue("255.25", 0, 0, 0, 0);

        String caseId = opened("{\"lineIds\": " + ids(lines.get(0), lines.get(1), lines.get(2)) + "}")
                .get("id")
                .asString();
        assertThat(ledger.rolledUpLinesByState(locations)).isEqualTo(Map.of("NONE", 1L, "OPEN", 3L));
        assertRollupsExact();
        assertRevenue("255.25", 3, 0, 0, 0);
        assertThat(revenue().openAmount().rounded()).isEqualByComparingTo("155.25");

        decide(caseId, reviewer, "{\"lineIds\": " + ids(lines.get(1)) + ", \"decision\": \"REJECTED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("Give the reason for the rejection."));
        decide(caseId, reviewer, "{\"lineIds\": " + ids(lines.get(3)) + ", \"decision\": \"VERIFIED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lineIds[0]"))
                .andExpect(jsonPath("$.errors[0].code").value("NOT_IN_CASE"));
        decide(caseId, reviewer, "{\"decision\": \"MAYBE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_ENUM"));
        assertThat(ledger.rolledUpLinesByState(locations)).isEqualTo(Map.of("NONE", 1L, "OPEN", 3L));

        decide(
                        caseId,
                        reviewer,
                        "{\"lineIds\": " + ids(lines.get(1), lines.get(2))
                                + ", \"decision\": \"REJECTED\", \"reason\": \"The customer never ordered it.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.sales.rejected").value(2))
                .andExpect(jsonPath("$.lines[?(@.lineId == '" + lines.get(2) + "')].reason")
                        .value("The customer never ordered it."));
        assertThat(ledger.verification(lines.get(1))).isEqualTo("REJECTED");
        assertThat(ledger.rolledUpLinesByState(locations)).isEqualTo(Map.of("NONE", 1L, "OPEN", 1L, "REJECTED", 2L));
        assertRollupsExact();
        assertRevenue("200.00", 1, 0, 2, 2);
        assertThat(revenue().excluded(ExclusionReason.REJECTED).amount().rounded())
                .as("the unpaid rejected sale is excluded as rejected, the first reason that applies")
                .isEqualByComparingTo("155.25");

        decide(caseId, reviewer, "{\"lineIds\": " + ids(lines.get(2)) + ", \"decision\": \"VERIFIED\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SALE_ALREADY_DECIDED"));

        decide(caseId, reviewer, "{\"decision\": \"VERIFIED\", \"reason\": \"Order and payment seen.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closedAt").exists())
                .andExpect(jsonPath("$.sales.verified").value(1))
                .andExpect(jsonPath("$.lines[?(@.lineId == '" + lines.get(0) + "')].decidedBy")
                        .value(hasItem(endsWith("@example.com"))));
        assertThat(ledger.rolledUpLinesByState(locations))
                .isEqualTo(Map.of("NONE", 1L, "VERIFIED", 1L, "REJECTED", 2L));
        assertRollupsExact();
        assertRevenue("200.00", 0, 1, 2, 2);

        ask(caseId, reviewer)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VERIFICATION_CASE_CLOSED"));
        decide(caseId, reviewer, "{\"decision\": \"VERIFIED\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/audit").param("subject", partner).with(admin()))
                .andExpect(jsonPath("$.items[0].action").value("SALES_DECIDED"))
                .andExpect(jsonPath("$.items[0].after.status").value("CLOSED"))
                .andExpect(jsonPath("$.items[1].action").value("SALES_DECIDED"))
                .andExpect(jsonPath("$.items[1].reason").value("The customer never ordered it."));
    }

    // Who may do what ------------------------------------------------------------------------------

    @Test
    void each_role_may_do_exactly_its_part() throws Exception {
        String line = ledger.addSale(location);
        String caseId = opened(
                        "{\"lineIds\": [\"" + line + "\"], \"message\": \"Why?\", \"dueDate\": \"" + today() + "\"}")
                .get("id")
                .asString();
        RequestPostProcessor salesAgent = as(fixtures.addPartnerUser(partner, "SALES_AGENT"));
        RequestPostProcessor creditAnalyst =
                as(fixtures.addStaff("CREDIT_ANALYST").get("email").asString());
        RequestPostProcessor billingAdmin = as(fixtures.addPartnerUser(partner, "BILLING_ADMIN"));
        String otherPartner = fixtures.createPartner(Fixtures.unique("Stranger"));
        RequestPostProcessor stranger = as(fixtures.addPartnerUser(otherPartner, "GLOBAL_ADMIN"));

        // A partner user of another partner never learns that the case or the partner exists.
        mvc.perform(get("/api/v1/sales-verifications/{id}", caseId).with(stranger))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("VERIFICATION_CASE_NOT_FOUND"));
        mvc.perform(answer(caseId, "Mine?").with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/{id}/sales-verifications", partner).with(stranger))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PARTNER_NOT_FOUND"));
        decide(caseId, stranger, "{\"decision\": \"VERIFIED\"}").andExpect(status().isNotFound());

        // A sales agent sees that its partner exists, but neither reads nor answers the cases.
        mvc.perform(get("/api/v1/sales-verifications/{id}", caseId).with(salesAgent))
                .andExpect(status().isForbidden());
        mvc.perform(answer(caseId, "Here.").with(salesAgent))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/api/v1/sales-verifications").with(billingAdmin)).andExpect(status().isForbidden());
        decide(caseId, billingAdmin, "{\"decision\": \"VERIFIED\"}").andExpect(status().isForbidden());
        ask(caseId, billingAdmin).andExpect(status().isForbidden());
        open(billingAdmin, "{\"lineIds\": [\"" + line + "\"]}").andExpect(status().isForbidden());

        // A credit analyst reads but does not decide.
        mvc.perform(get("/api/v1/sales-verifications/{id}", caseId).with(creditAnalyst))
                .andExpect(status().isOk());
        decide(caseId, creditAnalyst, "{\"decision\": \"VERIFIED\"}").andExpect(status().isForbidden());
        ask(caseId, creditAnalyst).andExpect(status().isForbidden());
        mvc.perform(answer(caseId, "On their behalf.").with(creditAnalyst)).andExpect(status().isForbidden());

        // The billing admin answers; the reviewer decides.
        mvc.perform(answer(caseId, "It was a renewal.").with(billingAdmin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED"));
        mvc.perform(get("/api/v1/partners/{id}/sales-verifications", partner).with(billingAdmin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(caseId))
                .andExpect(jsonPath("$.items[0].status").value("ANSWERED"))
                .andExpect(jsonPath("$.total").value(1));
        decide(caseId, reviewer, "{\"decision\": \"VERIFIED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(get("/api/v1/sales-verifications/{id}", caseId)).andExpect(status().isUnauthorized());
    }

    // The queue ------------------------------------------------------------------------------------

    @Test
    void the_queue_lists_cases_not_closed_overdue_first_then_by_due_date_and_filters_by_status() throws Exception {
        String later = opened("{\"lineIds\": [\"" + ledger.addSale(location) + "\"], \"message\": \"Later?\","
                        + " \"dueDate\": \"" + today().plusDays(30) + "\"}")
                .get("id")
                .asString();
        String overdue = opened("{\"lineIds\": [\"" + ledger.addSale(location) + "\"], \"message\": \"Late?\","
                        + " \"dueDate\": \"" + today() + "\"}")
                .get("id")
                .asString();
        String closed = opened("{\"lineIds\": [\"" + ledger.addSale(location) + "\"]}")
                .get("id")
                .asString();
        decide(closed, reviewer, "{\"decision\": \"VERIFIED\"}").andExpect(status().isOk());
        // Time passes: the second case's due date is yesterday, and nobody answered.
        jdbc.sql("UPDATE verification_case SET due_date = ? WHERE id = ?")
                .params(today().minusDays(1), java.util.UUID.fromString(overdue))
                .update();

        JsonNode queue = read(mvc.perform(
                        get("/api/v1/sales-verifications").param("size", "200").with(reviewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(200)));
        List<String> order = queue.get("items").findValuesAsString("id");
        assertThat(order).contains(later, overdue).doesNotContain(closed);
        assertThat(queue.get("items").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(order.indexOf(overdue)).isLessThan(order.indexOf(later));
        JsonNode overdueItem = queue.get("items").get(order.indexOf(overdue));
        assertThat(overdueItem.get("overdue").asBoolean()).isTrue();
        assertThat(overdueItem.get("amounts").get(0).get("amount").asString()).isEqualTo("100.00");
        assertThat(queue.get("items").get(order.indexOf(later)).get("overdue").asBoolean())
                .isFalse();

        mvc.perform(get("/api/v1/sales-verifications")
                        .param("status", "CLOSED")
                        .param("size", "200")
                        .with(reviewer))
                .andExpect(jsonPath("$.items[?(@.id == '" + closed + "')]").exists())
                .andExpect(jsonPath("$.items[?(@.id == '" + later + "')]").doesNotExist());
        mvc.perform(get("/api/v1/sales-verifications").param("status", "LOST").with(reviewer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/sales-verifications").param("size", "1000").with(reviewer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/partners/{id}/sales-verifications", partner)
                        .param("status", "CLOSED")
                        .with(reviewer))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(closed));
    }
}
