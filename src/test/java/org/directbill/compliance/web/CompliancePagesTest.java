package org.directbill.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.as;
import static org.directbill.support.Pages.visibleText;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.compliance.CompliancePartners;
import org.directbill.compliance.domain.Assessment;
import org.directbill.enrollment.EnrollmentScenario;
import org.directbill.enrollment.EnrollmentTime;
import org.directbill.partner.domain.PartnerId;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.directbill.support.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The compliance pages as people meet them, from 2023-06-14 under csp-direct-2021, with partners made
 * ACTIVE through the enrollment, AT_RISK by a run that finds their signatory gone, RESTRICTED by a
 * program admin: the board with each section's dates, a partner's status page (what is blocked, why,
 * what comes next, the history), the program admin's forms and their refusals, the banner on a
 * partner's pages, and who may see what, in English and in French.
 */
@IntegrationTest
@Import(EnrollmentTime.class)
class CompliancePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    MutableClock clock;

    @Autowired
    ComplianceWords words;

    CompliancePartners partners;
    Pages pages;
    Fixtures fixtures;

    @BeforeEach
    void onTheStartDate() {
        clock.set(EnrollmentTime.START);
        partners = new CompliancePartners(mvc, jdbc, rollups, clock);
        pages = new Pages(mvc);
        fixtures = new Fixtures(mvc);
    }

    @AfterEach
    void clockBack() {
        clock.set(EnrollmentTime.START);
    }

    private MockHttpSession signIn(String user) throws Exception {
        return pages.signIn(user, Fixtures.PASSWORD);
    }

    private MockHttpSession staff(String role) throws Exception {
        return signIn(fixtures.addStaff(role).get("email").asString());
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return pages.page(get(path).session(session));
    }

    private MvcResult send(MockHttpServletRequestBuilder request, MockHttpSession session, int status)
            throws Exception {
        return mvc.perform(request.session(session).with(csrf()))
                .andExpect(status().is(status))
                .andReturn();
    }

    /** Follows a redirect with its flash attributes, as a browser does. */
    private String follow(MvcResult redirected, MockHttpSession session) throws Exception {
        return pages.page(get(redirected.getResponse().getRedirectedUrl())
                .session(session)
                .flashAttrs(redirected.getFlashMap()));
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    /** The markup of the element with this id, to the end of its row or block. */
    private static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("an element %s", id).isNotNegative();
        int end = html.indexOf("</tr>", start);
        return visibleText(html.substring(start, end < 0 ? html.length() : end));
    }

    /** What the element with this id says, up to the first {@code end} tag after it. */
    private static String upTo(String html, String id, String end) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("an element %s", id).isNotNegative();
        return visibleText(html.substring(start, html.indexOf(end, start)));
    }

    /** The markup from the element with this id to the end of the next card. */
    private static String card(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("an element %s", id).isNotNegative();
        int end = html.indexOf("<div class=\"card", start + 1);
        return visibleText(html.substring(start, end < 0 ? html.length() : end));
    }

    private static int count(String html, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(html);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void the_board_lists_the_partners_at_risk_and_restricted_with_their_dates_nearest_first_in_english_and_french()
            throws Exception {
        EnrollmentScenario first = partners.atRisk("2023-06-14");
        EnrollmentScenario second = partners.active();
        clock.set(Instant.parse("2023-06-15T09:00:00Z"));
        partners.clearSignatory(second.partner);
        partners.run("2023-06-15", true);
        EnrollmentScenario restricted = partners.restricted("Invoices unpaid for 90 days");

        MockHttpSession reviewer = staff("REVIEWER");
        String board = page("/compliance", reviewer);
        String text = visibleText(board);
        assertThat(text).contains("Compliance", "At risk", "Restricted", "Suspended");
        String atRisk = row(board, "at-risk-" + first.partner);
        assertThat(atRisk)
                .contains(first.name, "France (FR)", "2023-06-14", "2023-07-14", "29 days left")
                .contains("Signatory with authority to sign (France)")
                .contains("No signatory is named: name a person with authority to sign legal agreements.");
        assertThat(row(board, "at-risk-" + second.partner))
                .contains(second.name, "2023-06-15", "2023-07-15", "30 days left");
        assertThat(board.indexOf("at-risk-" + first.partner))
                .as("the nearest cure deadline first")
                .isLessThan(board.indexOf("at-risk-" + second.partner));
        assertThat(row(board, "restricted-" + restricted.partner))
                .contains(restricted.name, "2023-06-15", "2023-07-15", "2023-08-14", "30 days left")
                .contains("The program team’s reason: Invoices unpaid for 90 days");
        assertThat(board)
                .contains("href=\"/partners/" + first.partner + "/status\"")
                .contains("href=\"/partners/" + restricted.partner + "/status\"");
        // The counts are those of the lists (other tests' partners may be on them too).
        Matcher counts =
                Pattern.compile("href=\"#at-risk\"><strong>(\\d+)</strong>").matcher(board);
        assertThat(counts.find()).isTrue();
        assertThat(Integer.parseInt(counts.group(1))).isEqualTo(count(board, "id=\"at-risk-"));
        Matcher restrictedCount =
                Pattern.compile("href=\"#restricted\"><strong>(\\d+)</strong>").matcher(board);
        assertThat(restrictedCount.find()).isTrue();
        assertThat(Integer.parseInt(restrictedCount.group(1))).isEqualTo(count(board, "id=\"restricted-"));
        // A reviewer reads the board but does not run compliance.
        assertThat(board).doesNotContain("id=\"run-form\"");
        assertThat(board).contains("href=\"/compliance\"");

        try {
            String french = page("/compliance?lang=fr", reviewer);
            assertThat(visibleText(french)).contains("Conformité", "À risque", "Restreint", "Suspendu");
            assertThat(row(french, "at-risk-" + first.partner))
                    .contains("2023-07-14", "29 jours restants", "Signataire")
                    .contains("Aucun signataire");
            assertThat(row(french, "restricted-" + restricted.partner))
                    .contains("Motif de l’équipe du programme : Invoices unpaid for 90 days");
        } finally {
            page("/compliance?lang=en", reviewer);
        }
    }

    @Test
    void a_program_admin_runs_compliance_from_the_board_and_reads_what_it_did_with_mistakes_in_place()
            throws Exception {
        EnrollmentScenario s = partners.active();
        partners.clearSignatory(s.partner);
        MockHttpSession admin = staff("PROGRAM_ADMIN");
        String board = page("/compliance", admin);
        assertThat(board).contains("id=\"run-form\"").containsPattern("id=\"asOf\" name=\"asOf\" value=\"2023-06-14\"");
        assertThat(visibleText(board)).contains("Run compliance", "Also reassess every active partner on that date");

        MvcResult wrong = send(post("/compliance/runs").param("asOf", "14/06/2023"), admin, 400);
        assertThat(html(wrong)).contains("id=\"asOf-error\"").contains("value=\"14/06/2023\"");
        assertThat(visibleText(html(wrong)))
                .contains("14/06/2023 is not a date: YYYY-MM-DD is expected, such as 2024-01-31.")
                .contains("Please correct the highlighted fields.");
        MvcResult empty = send(post("/compliance/runs").param("asOf", ""), admin, 400);
        assertThat(upTo(html(empty), "asOf-error", "</p>")).contains("Required.");
        assertThat(page("/partners/" + s.partner + "/status", admin))
                .contains("id=\"status\"")
                .contains(">Active<");

        clock.advance(Duration.ofMinutes(1));
        MvcResult ran =
                send(post("/compliance/runs").param("asOf", "2023-06-14").param("reassessAll", "true"), admin, 302);
        assertThat(ran.getResponse().getRedirectedUrl()).isEqualTo("/compliance#run");
        String after = follow(ran, admin);
        assertThat(visibleText(after))
                .contains("Compliance ran as of 2023-06-14.", "What the run as of 2023-06-14 did");
        Matcher assessed = Pattern.compile("id=\"run-assessed\">(\\d+)<").matcher(after);
        assertThat(assessed.find()).isTrue();
        assertThat(Integer.parseInt(assessed.group(1))).isPositive();
        Matcher notices = Pattern.compile("id=\"run-notices\">(\\d+)<").matcher(after);
        assertThat(notices.find()).isTrue();
        assertThat(Integer.parseInt(notices.group(1))).isPositive();
        assertThat(row(after, "at-risk-" + s.partner)).contains(s.name, "2023-07-14", "30 days left");

        // In French, the same mistake in French.
        try {
            page("/compliance?lang=fr", admin);
            MvcResult french = send(post("/compliance/runs").param("asOf", ""), admin, 400);
            assertThat(upTo(html(french), "asOf-error", "</p>")).contains("Obligatoire.");
            assertThat(visibleText(html(french))).contains("Exécuter la conformité");
        } finally {
            page("/compliance?lang=en", admin);
        }
    }

    @Test
    void the_board_is_for_program_staff_and_the_run_for_program_admins() throws Exception {
        EnrollmentScenario s = partners.active();
        send(post("/compliance/runs").param("asOf", "2023-06-14"), staff("REVIEWER"), 403);
        send(post("/compliance/runs").param("asOf", "2023-06-14"), staff("CREDIT_ANALYST"), 403);
        page("/compliance", staff("CREDIT_ANALYST"));
        MockHttpSession partnerAdmin = signIn(s.globalAdmin);
        mvc.perform(get("/compliance").session(partnerAdmin)).andExpect(status().isForbidden());
        send(post("/compliance/runs").param("asOf", "2023-06-14"), partnerAdmin, 403);
        // The navigation shows the board to staff only.
        assertThat(page("/partners/" + s.partner, partnerAdmin)).doesNotContain("href=\"/compliance\"");
        assertThat(page("/partners", staff("CREDIT_ANALYST"))).contains("href=\"/compliance\"");
    }

    @Test
    void a_restricted_partners_status_page_says_what_is_blocked_why_and_what_comes_next() throws Exception {
        EnrollmentScenario s = partners.restricted("Invoices unpaid for 90 days");
        MockHttpSession owner = signIn(s.globalAdmin);
        String status = page("/partners/" + s.partner + "/status", owner);
        assertThat(visibleText(status))
                .contains("Direct-bill status", s.name)
                .contains("Restricted", "since 2023-06-14")
                .contains("France (FR)")
                .contains("Indirect reseller Yes, since 2020-01-01")
                .contains("Direct-bill partner since 2023-06-14");
        assertThat(card(status, "what-can-be-done"))
                .contains("Blocked", "New Azure subscriptions", "Creating customers", "Creating sandboxes")
                .contains("Still allowed", "Renewing existing subscriptions", "Changing seat counts")
                .contains("Invitations as an indirect reseller");
        assertThat(upTo(status, "blocked", "</div>")).doesNotContain("Renewing existing subscriptions");
        assertThat(card(status, "why")).contains("The program team’s reason: Invoices unpaid for 90 days");
        assertThat(card(status, "next"))
                .contains("Suspension on 2023-07-14, unless reinstated by the program team.")
                .contains("Then revocation on 2023-08-13.")
                .contains("Only the program team brings the partner back");
        String history = card(status, "history");
        assertThat(history)
                .contains("Active", "Restricted", "Restricted by the program team", "Invoices unpaid for 90 days")
                .contains("An enrollment became active", "Not a direct-bill partner");
        assertThat(history.indexOf("Restricted by the program team"))
                .as("newest first")
                .isLessThan(history.indexOf("An enrollment became active"));
        // The partner reads; it does not act.
        assertThat(status).doesNotContain("id=\"status-actions\"", "id=\"reinstate-form\"", "/status/revoke");
        assertThat(status).doesNotContain("id=\"direct-bill-banner\"");

        try {
            String french = page("/partners/" + s.partner + "/status?lang=fr", owner);
            assertThat(visibleText(french))
                    .contains("Statut en facturation directe", "Restreint", "depuis le 2023-06-14");
            assertThat(card(french, "what-can-be-done"))
                    .contains(
                            "Bloqué",
                            "Nouveaux abonnements Azure",
                            "Toujours permis",
                            "Modification du nombre de licences");
            assertThat(card(french, "why")).contains("Motif de l’équipe du programme : Invoices unpaid for 90 days");
            assertThat(card(french, "next"))
                    .contains("Suspension le 2023-07-14, sauf rétablissement par l’équipe du programme.")
                    .contains("Puis révocation le 2023-08-13.");
        } finally {
            page("/partners/" + s.partner + "/status?lang=en", owner);
        }
    }

    @Test
    void an_at_risk_partners_status_page_names_each_requirement_not_met_and_the_deadline() throws Exception {
        EnrollmentScenario s = partners.atRisk("2023-06-14");
        String status = page("/partners/" + s.partner + "/status", signIn(s.reportViewer));
        assertThat(visibleText(status)).contains("At risk", "since 2023-06-14");
        assertThat(card(status, "what-can-be-done")).contains("Nothing is blocked.");
        assertThat(card(status, "why"))
                .contains("The assessment of 2023-06-14 (reassessment asked by the program team), under the policy"
                        + " csp-direct-2021, found these required requirements not met:")
                .contains("Signatory with authority to sign (France)")
                .contains("No signatory is named: name a person with authority to sign legal agreements.");
        assertThat(card(status, "next"))
                .contains("Meet the requirements again by 2023-07-14.", "30 days left")
                .contains("Otherwise: restriction on 2023-07-15, unless reinstated by the program team.");
        assertThat(card(status, "history")).contains("An assessment found a required requirement not met");

        // The partner's page says it among its facts, and links there.
        String partnerPage = page("/partners/" + s.partner, signIn(s.globalAdmin));
        assertThat(upTo(partnerPage, "direct-bill-status", "</dd>")).contains("At risk", "since 2023-06-14");
        assertThat(partnerPage).contains("href=\"/partners/" + s.partner + "/status\"");

        // Met again by the deadline: a later run makes it active again, and the page says when it is next assessed.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                                "/api/v1/partners/{id}/profile", s.partner)
                        .with(Fixtures.admin())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("""
                                {"signatory": {"name": "Ada Signer", "email": "ada@example.com", "title": "CEO",
                                               "authorityToSign": true}}"""))
                .andExpect(status().isOk());
        clock.set(Instant.parse("2023-06-20T09:00:00Z"));
        partners.run("2023-06-20", false);
        String cured = page("/partners/" + s.partner + "/status", signIn(s.globalAdmin));
        assertThat(visibleText(cured)).contains("Active", "since 2023-06-20");
        assertThat(card(cured, "next")).contains("Next assessment on 2024-06-30 (support plan renewal)");
        assertThat(card(cured, "history")).contains("The requirements were met again by the cure deadline");
    }

    @Test
    void another_partners_user_hears_404_and_only_a_program_admin_sees_the_forms() throws Exception {
        EnrollmentScenario s = partners.restricted("Invoices unpaid");
        String other = fixtures.createPartner(Fixtures.unique("Other"));
        MockHttpSession stranger = signIn(fixtures.addPartnerUser(other, "GLOBAL_ADMIN"));
        mvc.perform(get("/partners/" + s.partner + "/status").session(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/partners/" + s.partner + "/status/revoke").session(stranger))
                .andExpect(status().isNotFound());
        mvc.perform(get("/partners/" + UUID.randomUUID() + "/status").session(stranger))
                .andExpect(status().isNotFound());
        mvc.perform(get("/partners/not-an-id/status").session(stranger)).andExpect(status().isNotFound());

        MockHttpSession reviewer = staff("REVIEWER");
        String read = page("/partners/" + s.partner + "/status", reviewer);
        assertThat(read).doesNotContain("id=\"status-actions\"");
        assertThat(read).contains("href=\"/compliance\"");
        mvc.perform(get("/partners/" + s.partner + "/status/revoke").session(reviewer))
                .andExpect(status().isForbidden());
        send(
                post("/partners/{id}/status-actions", s.partner)
                        .param("action", "REINSTATE")
                        .param("reason", "x"),
                reviewer,
                403);
        send(
                post("/partners/{id}/status-actions", s.partner)
                        .param("action", "REINSTATE")
                        .param("reason", "x"),
                signIn(s.globalAdmin),
                403);
        // Nothing changed.
        mvc.perform(get("/api/v1/partners/{id}/status", s.partner).with(Fixtures.admin()))
                .andExpect(jsonPath("$.directBill").value("RESTRICTED"));
    }

    @Test
    void a_program_admin_reinstates_restricts_and_revokes_with_a_reason_and_each_mistake_shows_in_place()
            throws Exception {
        EnrollmentScenario s = partners.restricted("Invoices unpaid");
        MockHttpSession admin = staff("PROGRAM_ADMIN");
        String path = "/partners/" + s.partner + "/status";
        String restricted = page(path, admin);
        assertThat(restricted)
                .contains("id=\"reinstate-form\"", "href=\"" + path + "/revoke\"")
                .doesNotContain("id=\"restrict-form\"");

        MvcResult empty = send(
                post("/partners/{id}/status-actions", s.partner)
                        .param("action", "REINSTATE")
                        .param("reason", " "),
                admin,
                400);
        assertThat(upTo(html(empty), "reinstate-reason-error", "</p>")).contains("Required.");
        assertThat(html(empty)).contains("aria-invalid=\"true\"");
        assertThat(html(empty)).as("the page of the form says it all").doesNotContain("id=\"direct-bill-banner\"");
        MvcResult tooLong = send(
                post("/partners/{id}/status-actions", s.partner)
                        .param("action", "REINSTATE")
                        .param("reason", "x".repeat(2001)),
                admin,
                400);
        assertThat(upTo(html(tooLong), "reinstate-reason-error", "</p>")).contains("At most 2000 characters.");
        try {
            page(path + "?lang=fr", admin);
            MvcResult french =
                    send(post("/partners/{id}/status-actions", s.partner).param("action", "REINSTATE"), admin, 400);
            assertThat(upTo(html(french), "reinstate-reason-error", "</p>")).contains("Obligatoire.");
            assertThat(visibleText(html(french))).contains("Rétablir comme partenaire actif en facturation directe");
        } finally {
            page(path + "?lang=en", admin);
        }
        mvc.perform(get("/api/v1/partners/{id}/status", s.partner).with(Fixtures.admin()))
                .andExpect(jsonPath("$.directBill").value("RESTRICTED"));

        clock.advance(Duration.ofMinutes(1));
        MvcResult reinstated = send(
                post("/partners/{id}/status-actions", s.partner)
                        .param("action", "REINSTATE")
                        .param("reason", "Paid in full on 2023-06-14"),
                admin,
                302);
        String active = follow(reinstated, admin);
        assertThat(visibleText(active))
                .contains("Reinstated: the partner is notified. Status: Active.")
                .contains("Reinstated by the program team", "Paid in full on 2023-06-14");
        assertThat(active)
                .contains("id=\"restrict-form\"", "href=\"" + path + "/revoke\"")
                .doesNotContain("id=\"reinstate-form\"");

        // A second admin's page from before: reinstating is no longer possible, and the page says why.
        MvcResult late = send(
                post("/partners/{id}/status-actions", s.partner)
                        .param("action", "REINSTATE")
                        .param("reason", "Paid"),
                admin,
                409);
        assertThat(upTo(html(late), "page-error", "</p>"))
                .contains("Reinstating is not possible while the partner is active: the status may have changed"
                        + " meanwhile.");

        // Revoking asks for confirmation, with what it does, and a reason.
        String confirm = page(path + "/revoke", admin);
        assertThat(visibleText(confirm))
                .contains("Revoke the direct-bill status of " + s.name + "?")
                .contains("The partner stops being a direct-bill partner today, in every market.")
                .contains("Keep it");
        MvcResult noReason = send(
                post("/partners/{id}/status-actions", s.partner)
                        .param("action", "REVOKE")
                        .param("reason", ""),
                admin,
                400);
        assertThat(html(noReason)).contains("id=\"revoke-form\"");
        assertThat(upTo(html(noReason), "revoke-reason-error", "</p>")).contains("Required.");
        clock.advance(Duration.ofMinutes(1));
        MvcResult revoked = send(
                post("/partners/{id}/status-actions", s.partner)
                        .param("action", "REVOKE")
                        .param("reason", "Fraudulent orders"),
                admin,
                302);
        String gone = follow(revoked, admin);
        assertThat(visibleText(gone)).contains("Revoked from today: the partner is notified. Status: Revoked.");
        assertThat(card(gone, "what-can-be-done"))
                .contains("Managing Azure resources", "Suspending subscriptions")
                .contains("Renewing existing subscriptions");
        assertThat(card(gone, "why")).contains("The program team’s reason: Fraudulent orders");
        assertThat(card(gone, "next")).contains("Only the program team can reinstate the partner.");
        assertThat(gone).contains("id=\"reinstate-form\"").doesNotContain("/status/revoke\"");
        assertThat(visibleText(page(path + "/revoke", admin)))
                .contains("The partner is revoked: it cannot be revoked.");
    }

    @Test
    void the_banner_shows_on_a_restricted_partners_pages_while_restricted_and_not_on_an_active_ones() throws Exception {
        EnrollmentScenario restricted = partners.restricted("Invoices unpaid");
        MockHttpSession owner = signIn(restricted.globalAdmin);
        String statusPath = "/partners/" + restricted.partner + "/status";
        for (String path : List.of(
                "/partners/" + restricted.partner,
                "/partners/" + restricted.partner + "/enrollments",
                "/partners/" + restricted.partner + "/profile",
                "/policies")) {
            String html = page(path, owner);
            assertThat(html).as(path).contains("id=\"direct-bill-banner\"");
            assertThat(upTo(html, "direct-bill-banner", "</aside>"))
                    .as(path)
                    .contains("Direct-bill capabilities restricted.")
                    .contains("Since 2023-06-14: no new purchases, customers, reseller relationships or sandboxes;")
                    .contains("Suspension on 2023-07-14 unless reinstated.")
                    .contains("See why and what comes next");
            assertThat(html).as(path).contains("href=\"" + statusPath + "\"");
        }
        assertThat(upTo(page("/partners/" + restricted.partner, owner), "direct-bill-status", "</dd>"))
                .contains("Restricted", "since 2023-06-14");
        // The status page says it all itself.
        assertThat(page(statusPath, owner)).doesNotContain("id=\"direct-bill-banner\"");
        try {
            assertThat(upTo(
                            page("/partners/" + restricted.partner + "?lang=fr", owner),
                            "direct-bill-banner",
                            "</aside>"))
                    .contains("Capacités de facturation directe restreintes.", "Suspension le 2023-07-14");
        } finally {
            page("/partners/" + restricted.partner + "?lang=en", owner);
        }

        // Staff see it on the partner's pages, and not elsewhere.
        MockHttpSession reviewer = staff("REVIEWER");
        assertThat(page("/partners/" + restricted.partner, reviewer)).contains("id=\"direct-bill-banner\"");
        assertThat(page("/compliance", reviewer)).doesNotContain("id=\"direct-bill-banner\"");

        // An at-risk partner is told its deadline.
        EnrollmentScenario atRisk = partners.atRisk("2023-06-14");
        assertThat(upTo(
                        page("/partners/" + atRisk.partner, signIn(atRisk.reportViewer)),
                        "direct-bill-banner",
                        "</aside>"))
                .contains("Direct-bill status at risk.")
                .contains("must be met again by 2023-07-14 (30 days left); otherwise new purchases are restricted"
                        + " from 2023-07-15.")
                .contains("See what is missing");

        // An active partner: no banner, its status among its facts.
        EnrollmentScenario active = partners.active();
        MockHttpSession activeOwner = signIn(active.globalAdmin);
        String activePage = page("/partners/" + active.partner, activeOwner);
        assertThat(activePage).doesNotContain("id=\"direct-bill-banner\"");
        assertThat(upTo(activePage, "direct-bill-status", "</dd>")).contains("Active", "since 2023-06-14");

        // Reinstated: the banner is gone.
        partners.act(restricted.partner, "REINSTATE", "Paid");
        assertThat(page("/partners/" + restricted.partner, owner)).doesNotContain("id=\"direct-bill-banner\"");
    }

    @Test
    void pages_without_a_partner_and_the_api_are_untouched_by_the_banner() throws Exception {
        EnrollmentScenario restricted = partners.restricted("Invoices unpaid");
        pages.page(get("/login"));
        MockHttpSession owner = signIn(restricted.globalAdmin);
        // An error page of a restricted partner's user still renders.
        MvcResult missing = mvc.perform(
                        get("/partners/" + UUID.randomUUID() + "/status").session(owner))
                .andExpect(status().isNotFound())
                .andReturn();
        assertThat(visibleText(html(missing))).contains("Not found");
        mvc.perform(get("/no-such-page").session(owner)).andExpect(status().isNotFound());
        // The API answers JSON, without the banner's attribute.
        String json = mvc.perform(
                        get("/api/v1/partners/{id}/status", restricted.partner).with(as(restricted.globalAdmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.directBill").value("RESTRICTED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).doesNotContain("banner");
        // A partner never enrolled: no banner, and "not a direct-bill partner" on its status page.
        String newcomer = fixtures.createPartner(Fixtures.unique("Newcomer"));
        MockHttpSession newcomerAdmin = signIn(fixtures.addPartnerUser(newcomer, "GLOBAL_ADMIN"));
        assertThat(page("/partners/" + newcomer, newcomerAdmin)).doesNotContain("id=\"direct-bill-banner\"");
        String none = page("/partners/" + newcomer + "/status", newcomerAdmin);
        assertThat(visibleText(none)).contains("Not a direct-bill partner", "No change yet.");
        assertThat(card(none, "what-can-be-done")).contains("Still allowed", "Nothing.");
    }

    @Test
    void the_compliance_pages_use_no_inline_script_or_style_that_the_policy_would_block() throws Exception {
        EnrollmentScenario s = partners.atRisk("2023-06-14");
        MockHttpSession admin = staff("PROGRAM_ADMIN");
        clock.advance(Duration.ofMinutes(1));
        MvcResult ran = send(post("/compliance/runs").param("asOf", "2023-06-14"), admin, 302);
        for (String html : List.of(
                follow(ran, admin),
                page("/partners/" + s.partner + "/status", admin),
                page("/partners/" + s.partner + "/status/revoke", admin),
                page("/partners/" + s.partner, signIn(s.globalAdmin)))) {
            assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
            assertThat(html).doesNotContainPattern("\\sstyle=\"");
            assertThat(html).doesNotContainPattern("<style[\\s>]");
            assertThat(html).doesNotContainPattern("\\son[a-z]+=\"");
        }
    }

    @Test
    void a_reader_who_may_not_see_revenue_reads_the_revenue_requirement_without_the_partners_figures() {
        Assessment failed = new Assessment(
                UUID.randomUUID(),
                PartnerId.random(),
                java.time.LocalDate.of(2024, 6, 30),
                Assessment.Occasion.SUPPORT_RENEWAL,
                "csp-direct-2021",
                Assessment.Outcome.FAILED,
                List.of(new Assessment.Unmet(
                        "FR", "TTM_REVENUE", "REVENUE_BELOW_THRESHOLD", List.of("1234.50", "300000.00"))),
                List.of(),
                Instant.parse("2024-06-30T02:00:00Z"),
                "system");
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            assertThat(words.unmet(failed, true).get(0).reason())
                    .isEqualTo("The revenue of 1,234.50 USD is below the threshold of 300,000.00 USD.");
            ComplianceWords.Unmet hidden = words.unmet(failed, false).get(0);
            assertThat(hidden.reason()).isEqualTo("The revenue is below the threshold of 300,000.00 USD.");
            assertThat(hidden.market()).isEqualTo("France");
            assertThat(hidden.name()).isEqualTo("Trailing-twelve-month CSP revenue");
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }
}
