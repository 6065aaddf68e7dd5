package org.directbill.revenue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.revenue.LedgerLines;
import org.directbill.revenue.internal.LedgerRollups;
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

/**
 * The verification pages as people meet them: the reviewer's queue, opening a case, asking,
 * answering with files, deciding, each form's errors in place, who sees what, in both languages.
 */
@IntegrationTest
class SalesVerificationPagesTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    Fixtures fixtures;
    LedgerLines ledger;
    String partner;
    String partnerName;
    String location;
    String reviewer;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = new Fixtures(mvc);
        ledger = new LedgerLines(jdbc, rollups);
        partnerName = Fixtures.unique("Verified Pages");
        partner = fixtures.createPartner(partnerName);
        location = fixtures.addLocation(partner, "FR", "ACTIVE");
        reviewer = fixtures.addStaff("REVIEWER").get("email").asString();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Opens a case with the form, as the reviewer, and returns its page's address. */
    private String openWithForm(MockHttpSession session, String lineIds, String message, String dueDate)
            throws Exception {
        MvcResult opened = mvc.perform(post("/partners/{id}/sales-verifications", partner)
                        .session(session)
                        .with(csrf())
                        .param("invoiceIds", "")
                        .param("lineIds", lineIds)
                        .param("message", message)
                        .param("dueDate", dueDate))
                .andExpect(status().isFound())
                .andReturn();
        String location = opened.getResponse().getRedirectedUrl();
        assertThat(location).matches("/sales-verifications/[0-9a-f-]{36}");
        assertThat(visibleText(page(get(location).session(session).flashAttrs(opened.getFlashMap()))))
                .containsPattern("Case [0-9a-f]{8} opened with \\d+ sale\\(s\\)\\.");
        return location;
    }

    @Test
    void a_reviewer_opens_a_case_from_the_partners_page_and_its_mistakes_show_next_to_the_fields() throws Exception {
        String first = ledger.addSale(location);
        LedgerLines.Line onInvoice = LedgerLines.sale(location).amount("250.5", "USD");
        ledger.add(onInvoice);
        MockHttpSession session = signIn(reviewer, Fixtures.PASSWORD);

        assertThat(page(get("/partners/{id}", partner).session(session)))
                .contains("href=\"/partners/" + partner + "/sales-verifications\"");
        String form = page(get("/partners/{id}/sales-verifications", partner).session(session));
        assertThat(visibleText(form))
                .contains("Verification of the sales of " + partnerName)
                .contains("No sale of this partner is or was under verification.")
                .contains("Select sales for verification", "Invoice IDs", "Line IDs", "Open the case");
        assertThat(form)
                .contains("<label for=\"lineIds\"", "<label for=\"dueDate\"", "type=\"date\"")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");

        MvcResult refused = mvc.perform(post("/partners/{id}/sales-verifications", partner)
                        .session(session)
                        .with(csrf())
                        .param("invoiceIds", "")
                        .param("lineIds", first + ", NO-SUCH-LINE")
                        .param("message", "Who bought it?")
                        .param("dueDate", today().minusDays(1).toString()))
                .andExpect(status().isBadRequest())
                .andReturn();
        String html = refused.getResponse().getContentAsString();
        assertThat(visibleText(html)).contains("Please correct the highlighted fields.");
        assertThat(fieldBlock(html, "lineIds"))
                .contains("aria-invalid=\"true\"", "NO-SUCH-LINE is not a sale of this partner.")
                .contains(first + ", NO-SUCH-LINE");
        assertThat(fieldBlock(html, "dueDate")).contains("aria-invalid=\"true\"", "is in the past");
        assertThat(fieldBlock(html, "message")).contains("Who bought it?", "aria-invalid=\"false\"");
        assertThat(ledger.verification(first)).isEqualTo("NONE");

        String caseUrl = openWithForm(
                session, first + "\n", "Who bought it?", today().plusDays(10).toString());
        String casePage = visibleText(page(get(caseUrl).session(session)));
        assertThat(casePage)
                .contains(
                        partnerName,
                        "Waiting for the partner",
                        today().plusDays(10).toString())
                .contains("Request for information", "Who bought it?", "1 (1 open, 0 verified, 0 rejected)")
                .contains(first, "Azure consumption", "100.00 EUR");

        // The invoice selects its line; a sale already in an open case is refused in place.
        MvcResult conflict = mvc.perform(post("/partners/{id}/sales-verifications", partner)
                        .session(session)
                        .with(csrf())
                        .param("invoiceIds", onInvoice.invoiceId())
                        .param("lineIds", first)
                        .param("message", "")
                        .param("dueDate", ""))
                .andExpect(status().isConflict())
                .andReturn();
        assertThat(visibleText(conflict.getResponse().getContentAsString()))
                .contains("Already in a verification case that is not closed: " + first + ".");
    }

    @Test
    void the_queue_shows_overdue_cases_first_with_partner_due_date_sales_and_amounts_in_french_too() throws Exception {
        MockHttpSession session = signIn(reviewer, Fixtures.PASSWORD);
        String line =
                ledger.add(LedgerLines.sale(location).amount("1234.5", "JPY")).get(0);
        String caseUrl = openWithForm(session, line, "Late?", today().toString());
        String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
        jdbc.sql("UPDATE verification_case SET due_date = ? WHERE id = ?")
                .params(today().minusDays(3), UUID.fromString(caseId))
                .update();

        String queue = page(get("/sales-verifications").session(session));
        assertThat(queue).contains("href=\"/sales-verifications\"", "href=\"" + caseUrl + "\"");
        String row = rowOf(queue, "aria-label=\"Case " + caseId.substring(0, 8));
        assertThat(visibleText(row))
                .contains(caseId.substring(0, 8), partnerName, "Waiting for the partner", "Overdue")
                .contains(today().minusDays(3).toString(), "1 (1 open, 0 verified, 0 rejected)", "1234.50 JPY");
        String firstRow = queue.substring(queue.indexOf("<tbody>"), queue.indexOf("</tr>", queue.indexOf("<tbody>")));
        assertThat(firstRow).as("overdue cases come first").contains("class=\"overdue\"");

        String french =
                visibleText(page(get("/sales-verifications").param("lang", "fr").session(session)));
        assertThat(french)
                .contains("Vérification des ventes", "En attente du partenaire", "En retard", "Échéance")
                .contains("1 (1 ouvertes, 0 vérifiées, 0 rejetées)");
        page(get("/sales-verifications").param("lang", "en").session(session));

        String closedOnly = visibleText(
                page(get("/sales-verifications").param("status", "CLOSED").session(session)));
        assertThat(closedOnly).doesNotContain(caseId.substring(0, 8));
    }

    @Test
    void the_partner_answers_with_a_file_and_the_reviewer_reads_it_and_decides_each_sale() throws Exception {
        String[] lines = ledger.add(LedgerLines.sale(location), LedgerLines.sale(location), LedgerLines.sale(location))
                .toArray(String[]::new);
        MockHttpSession staff = signIn(reviewer, Fixtures.PASSWORD);
        String caseUrl = openWithForm(staff, String.join(" ", lines), "", "");

        // Nothing asked yet: the partner has nothing to answer.
        String billingAdmin = fixtures.addPartnerUser(partner, "BILLING_ADMIN");
        MockHttpSession partnerSession = signIn(billingAdmin, Fixtures.PASSWORD);
        assertThat(page(get(caseUrl).session(partnerSession))).doesNotContain("/answers\"");

        MvcResult empty = mvc.perform(post(caseUrl + "/requests")
                        .session(staff)
                        .with(csrf())
                        .param("message", " ")
                        .param("dueDate", ""))
                .andExpect(status().isBadRequest())
                .andReturn();
        String emptyHtml = empty.getResponse().getContentAsString();
        assertThat(fieldBlock(emptyHtml, "request-message")).contains("aria-invalid=\"true\"", "Required.");
        assertThat(fieldBlock(emptyHtml, "dueDate")).contains("Required.");

        MvcResult asked = mvc.perform(post(caseUrl + "/requests")
                        .session(staff)
                        .with(csrf())
                        .param("message", "Send the signed order.")
                        .param("dueDate", today().plusDays(5).toString()))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(visibleText(page(get(caseUrl).session(staff).flashAttrs(asked.getFlashMap()))))
                .contains("Request sent: the partner is asked to answer by " + today().plusDays(5) + ".");

        // The partner finds its cases in the navigation and answers on the case's page.
        String own = page(get("/partners/{id}/sales-verifications", partner).session(partnerSession));
        assertThat(own).contains("href=\"/partners/" + partner + "/sales-verifications\"", "href=\"" + caseUrl + "\"");
        assertThat(visibleText(own))
                .contains("Waiting for the partner")
                .doesNotContain("Select sales for verification");
        String answerForm = page(get(caseUrl).session(partnerSession));
        assertThat(answerForm)
                .contains(
                        "enctype=\"multipart/form-data\"",
                        "<label for=\"files\"",
                        "name=\"files\" type=\"file\" multiple")
                .doesNotContain("/decisions\"", "/requests\"");
        assertThat(visibleText(answerForm)).contains("Up to 5 files of at most 10 MB each");

        MvcResult wrongKind = mvc.perform(multipart(caseUrl + "/answers")
                        .file(new MockMultipartFile("files", "tool.pdf", "application/pdf", new byte[] {'M', 'Z', 1}))
                        .param("message", "The order.")
                        .session(partnerSession)
                        .with(csrf()))
                .andExpect(status().isUnsupportedMediaType())
                .andReturn();
        String wrongHtml = wrongKind.getResponse().getContentAsString();
        assertThat(fieldBlock(wrongHtml, "files"))
                .contains("aria-invalid=\"true\"", "tool.pdf is not a PDF, a PNG or JPEG image");
        assertThat(fieldBlock(wrongHtml, "answer-message")).contains("The order.");

        MvcResult answered = mvc.perform(multipart(caseUrl + "/answers")
                        .file(new MockMultipartFile("files", "signed order.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                        .param("message", "The signed order.")
                        .session(partnerSession)
                        .with(csrf()))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(visibleText(page(get(caseUrl).session(partnerSession).flashAttrs(answered.getFlashMap()))))
                .contains("Answer sent.", "Answered", "The signed order.", "signed order.pdf");

        // The reviewer downloads the file from the page.
        String casePage = page(get(caseUrl).session(staff));
        Matcher link = Pattern.compile("href=\"(" + Pattern.quote(caseUrl) + "/attachments/[0-9a-f-]{36})\"")
                .matcher(casePage);
        assertThat(link.find()).isTrue();
        MvcResult download = mvc.perform(get(link.group(1)).session(staff))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);

        // Deciding: each mistake in place, then the ticked sale rejected, then every open one verified.
        assertThat(casePage).contains("form=\"decide\"", "value=\"" + lines[1] + "\"", "<label for=\"reason\"");
        MvcResult nothingTicked = mvc.perform(post(caseUrl + "/decisions")
                        .session(staff)
                        .with(csrf())
                        .param("scope", "selected")
                        .param("decision", "REJECTED")
                        .param("reason", ""))
                .andExpect(status().isBadRequest())
                .andReturn();
        assertThat(visibleText(nothingTicked.getResponse().getContentAsString()))
                .contains("Tick the sales to decide, or choose every open sale.");

        MvcResult noReason = mvc.perform(post(caseUrl + "/decisions")
                        .session(staff)
                        .with(csrf())
                        .param("scope", "selected")
                        .param("lineIds", lines[1])
                        .param("decision", "REJECTED")
                        .param("reason", " "))
                .andExpect(status().isBadRequest())
                .andReturn();
        String noReasonHtml = noReason.getResponse().getContentAsString();
        assertThat(fieldBlock(noReasonHtml, "reason"))
                .contains("aria-invalid=\"true\"", "Give the reason for the rejection.");
        assertThat(noReasonHtml).containsPattern("value=\"" + Pattern.quote(lines[1]) + "\"[^>]*checked");
        assertThat(ledger.verification(lines[1])).isEqualTo("OPEN");

        MvcResult rejected = mvc.perform(post(caseUrl + "/decisions")
                        .session(staff)
                        .with(csrf())
                        .param("scope", "selected")
                        .param("lineIds", lines[1])
                        .param("decision", "REJECTED")
                        .param("reason", "Never ordered."))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(visibleText(page(get(caseUrl).session(staff).flashAttrs(rejected.getFlashMap()))))
                .contains("Decision recorded: Rejected.", "Never ordered.", "3 (2 open, 0 verified, 1 rejected)");
        assertThat(ledger.verification(lines[1])).isEqualTo("REJECTED");

        MvcResult all = mvc.perform(post(caseUrl + "/decisions")
                        .session(staff)
                        .with(csrf())
                        .param("scope", "all")
                        .param("decision", "VERIFIED")
                        .param("reason", ""))
                .andExpect(status().isFound())
                .andReturn();
        String closed = page(get(caseUrl).session(staff).flashAttrs(all.getFlashMap()));
        assertThat(visibleText(closed))
                .contains("Every sale is decided: the case is closed.", "Closed", "3 (0 open, 2 verified, 1 rejected)");
        assertThat(closed).doesNotContain("/decisions\"", "/requests\"", "form=\"decide\"");
        assertThat(page(get(caseUrl).session(partnerSession))).doesNotContain("/answers\"");
    }

    @Test
    void only_the_partners_billing_roles_see_its_cases_and_another_partner_hears_they_do_not_exist() throws Exception {
        MockHttpSession staff = signIn(reviewer, Fixtures.PASSWORD);
        String caseUrl = openWithForm(staff, ledger.addSale(location), "", "");

        String globalAdmin = fixtures.addPartnerUser(partner, "GLOBAL_ADMIN");
        String nav = page(get("/partners/" + partner).session(signIn(globalAdmin, Fixtures.PASSWORD)));
        assertThat(nav).contains("href=\"/partners/" + partner + "/sales-verifications\"");

        MockHttpSession agent = signIn(fixtures.addPartnerUser(partner, "SALES_AGENT"), Fixtures.PASSWORD);
        assertThat(page(get("/partners/" + partner).session(agent))).doesNotContain("sales-verifications");
        mvc.perform(get(caseUrl).session(agent)).andExpect(status().isForbidden());
        mvc.perform(get("/partners/{id}/sales-verifications", partner).session(agent))
                .andExpect(status().isForbidden());
        mvc.perform(get("/sales-verifications").session(agent)).andExpect(status().isForbidden());

        String other = fixtures.createPartner(Fixtures.unique("Elsewhere"));
        MockHttpSession stranger = signIn(fixtures.addPartnerUser(other, "GLOBAL_ADMIN"), Fixtures.PASSWORD);
        MvcResult hidden = mvc.perform(get(caseUrl).session(stranger))
                .andExpect(status().isNotFound())
                .andReturn();
        assertThat(visibleText(hidden.getResponse().getContentAsString()))
                .contains("Not found", "No verification case")
                .doesNotContain(partnerName);
        mvc.perform(get("/partners/{id}/sales-verifications", partner).session(stranger))
                .andExpect(status().isNotFound());

        MockHttpSession analyst =
                signIn(fixtures.addStaff("CREDIT_ANALYST").get("email").asString(), Fixtures.PASSWORD);
        String asAnalyst = page(get(caseUrl).session(analyst));
        assertThat(asAnalyst).doesNotContain("/decisions\"", "/requests\"", "/answers\"");
        mvc.perform(post(caseUrl + "/decisions")
                        .session(analyst)
                        .with(csrf())
                        .param("scope", "all")
                        .param("decision", "VERIFIED"))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_forms_cannot_be_posted_without_the_csrf_token() throws Exception {
        MockHttpSession staff = signIn(reviewer, Fixtures.PASSWORD);
        String line = ledger.addSale(location);
        mvc.perform(post("/partners/{id}/sales-verifications", partner)
                        .session(staff)
                        .param("lineIds", line))
                .andExpect(status().isForbidden());
        assertThat(ledger.verification(line)).isEqualTo("NONE");
    }

    @Test
    void the_pages_carry_no_inline_script_or_style() throws Exception {
        MockHttpSession staff = signIn(reviewer, Fixtures.PASSWORD);
        String caseUrl = openWithForm(staff, ledger.addSale(location), "Why?", today().toString());
        for (String path :
                new String[] {"/sales-verifications", "/partners/" + partner + "/sales-verifications", caseUrl}) {
            String html = page(get(path).session(staff));
            assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            assertThat(html).doesNotContainPattern("\\sstyle=\"");
            assertThat(html).doesNotContainPattern("<style[\\s>]");
            assertThat(html).doesNotContainPattern("\\son[a-z]+=\"");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private String page(RequestBuilder request) throws Exception {
        return new Pages(mvc).page(request);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return new Pages(mvc).signIn(username, password);
    }

    private static String visibleText(String html) {
        return Pages.visibleText(html);
    }

    /** The markup of one form field, from its label to the end of its wrapping element. */
    private static String fieldBlock(String html, String id) {
        Matcher start =
                Pattern.compile("<label for=\"" + Pattern.quote(id) + "\"").matcher(html);
        assertThat(start.find()).as("a label for " + id).isTrue();
        int end = html.indexOf("</div>", start.start());
        return html.substring(start.start(), end);
    }

    /** The table row that holds a text. */
    private static String rowOf(String html, String text) {
        int at = html.indexOf(text);
        assertThat(at).as("the page shows " + text).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }
}
