package org.directbill.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.directbill.support.Pages.visibleText;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.enrollment.EnrollmentScenario;
import org.directbill.enrollment.EnrollmentTime;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.directbill.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The enrollment pages as people meet them, on 2023-06-14 under csp-direct-2021: the partner applies
 * in a market, sees the checklist and submits; operations work the queue, the checklist and the
 * decisions; the partner answers, records its support plan and accepts the agreement. What each role
 * sees and may not do, each refusal in place, in English and in French.
 */
@IntegrationTest
@Import(EnrollmentTime.class)
class EnrollmentPagesTest {

    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    MutableClock clock;

    EnrollmentScenario s;
    Pages pages;

    @BeforeEach
    void aPartnerReadyToEnroll() throws Exception {
        clock.set(EnrollmentTime.START);
        s = new EnrollmentScenario(mvc, jdbc, rollups);
        pages = new Pages(mvc);
    }

    private MockHttpSession signIn(String user) throws Exception {
        return pages.signIn(user, Fixtures.PASSWORD);
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return pages.page(get(path).session(session));
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> MvcResult send(
            B request, MockHttpSession session, int status) throws Exception {
        return mvc.perform(request.session(session).with(csrf()))
                .andExpect(status().is(status))
                .andReturn();
    }

    /** Follows a redirect with its flash message, as a browser does. */
    private String follow(MvcResult redirected, MockHttpSession session) throws Exception {
        return pages.page(get(redirected.getResponse().getRedirectedUrl())
                .session(session)
                .flashAttrs(redirected.getFlashMap()));
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    /** The version a page's forms post back. */
    private static String version(String html) {
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(version.find()).as("a form with the version").isTrue();
        return version.group(1);
    }

    private String startWithTheForm(MockHttpSession session) throws Exception {
        MvcResult started = send(post("/partners/{id}/enrollments", s.partner).param("market", "FR"), session, 302);
        String location = started.getResponse().getRedirectedUrl();
        assertThat(location).matches("/enrollments/[0-9a-f-]{36}");
        assertThat(visibleText(follow(started, session)))
                .contains("Your application in France is a draft: check the requirements below, then submit it.");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void the_global_admin_applies_in_a_market_sees_what_stops_submission_submits_and_reads_the_timeline()
            throws Exception {
        MockHttpSession session = signIn(s.globalAdmin);
        assertThat(page("/partners/" + s.partner, session))
                .contains("href=\"/partners/" + s.partner + "/enrollments\"");
        String list = page("/partners/" + s.partner + "/enrollments", session);
        assertThat(visibleText(list)).contains("Direct-bill enrollments", "No enrollment yet.", "Apply in a market");
        assertThat(list).containsPattern("<option value=\"FR\" selected=\"selected\">France \\(FR\\)</option>");

        // A market that is not one is refused next to the field, nothing started.
        MvcResult wrong = send(post("/partners/{id}/enrollments", s.partner).param("market", "XX"), session, 400);
        assertThat(visibleText(html(wrong))).contains("XX is not an ISO 3166-1 alpha-2 country code");
        assertThat(visibleText(html(wrong))).contains("No enrollment yet.");

        String id = startWithTheForm(session);
        String draft = page("/enrollments/" + id, session);
        assertThat(visibleText(draft))
                .contains("Direct-bill enrollment in France (FR)", "Draft", "Not submitted yet")
                .contains("Before you submit", "The requirements of the policy in force for France")
                .contains("Nothing stops the submission")
                .contains("The support plan is not needed to submit: buy it only after the credit check has passed.")
                .contains("Submit the enrollment in France");
        assertThat(draft).contains("id=\"requirement-SUPPORT_PLAN\"", "id=\"submit-form\"");
        assertThat(draft).doesNotContain("id=\"only-global-admin\"", "id=\"review\"", "id=\"credit\"");
        assertThat(page("/partners/" + s.partner, session))
                .contains("id=\"support-plan-form\"")
                .doesNotContain("id=\"support-plan-waiting\"");

        MvcResult submitted = send(post("/enrollments/{id}/submit", id).param("version", version(draft)), session, 302);
        String inReview = visibleText(follow(submitted, session));
        assertThat(inReview)
                .contains("Your enrollment in France is submitted: operations are verifying your company.")
                .contains("In review", "Operations are verifying your company")
                .contains("Do not buy your support plan yet")
                .contains(
                        "Timeline",
                        "Started as a draft",
                        "Submitted",
                        "by " + s.globalAdmin + " on 2023-06-14 09:00 UTC");
        assertThat(inReview).doesNotContain("Submit the enrollment");
        assertThat(visibleText(page("/partners/" + s.partner, session)))
                .contains("Your enrollment in France (FR), submitted on 2023-06-14, is being reviewed;"
                        + " its credit check comes next.");

        // The list shows it with its status; a second application in the same market is refused in place.
        assertThat(visibleText(page("/partners/" + s.partner + "/enrollments", session)))
                .contains("France (FR)", "In review", "2023-06-14");
        MvcResult twice = send(post("/partners/{id}/enrollments", s.partner).param("market", "FR"), session, 409);
        assertThat(visibleText(html(twice))).contains("The partner already has an enrollment in FR");
    }

    @Test
    void a_report_viewer_reads_the_enrollment_without_a_submit_button_and_another_partners_user_hears_404()
            throws Exception {
        String id = s.start();
        MockHttpSession viewer = signIn(s.reportViewer);
        String draft = page("/enrollments/" + id, viewer);
        assertThat(draft).doesNotContain("id=\"submit-form\"", "/withdraw\"");
        assertThat(visibleText(draft)).contains("Only your Global admin can submit the enrollment.");
        assertThat(visibleText(page("/partners/" + s.partner + "/enrollments", viewer)))
                .doesNotContain("Apply in a market");
        send(post("/enrollments/{id}/submit", id), viewer, 403);

        // An account admin may withdraw, but not submit.
        MockHttpSession accountAdmin = signIn(s.accountAdmin);
        assertThat(page("/enrollments/" + id, accountAdmin))
                .contains("href=\"/enrollments/" + id + "/withdraw\"")
                .doesNotContain("id=\"submit-form\"");

        String otherPartner = s.fixtures.createPartner(Fixtures.unique("Other"));
        MockHttpSession stranger = signIn(s.fixtures.addPartnerUser(otherPartner, "GLOBAL_ADMIN"));
        mvc.perform(get("/enrollments/" + id).session(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/enrollments/" + id + "/agreement").session(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/partners/" + s.partner + "/enrollments").session(stranger))
                .andExpect(status().isNotFound());
        send(post("/enrollments/{id}/submit", id), stranger, 404);
        mvc.perform(get("/enrollments").session(stranger)).andExpect(status().isForbidden());
    }

    @Test
    void a_refused_submission_lists_each_requirement_not_met_and_a_stale_page_is_told_so() throws Exception {
        String id = s.start();
        mvc.perform(patch("/api/v1/partners/{id}/profile", s.partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signatory\": null}"))
                .andExpect(status().isOk());
        MockHttpSession session = signIn(s.globalAdmin);
        String draft = page("/enrollments/" + id, session);
        assertThat(visibleText(draft)).contains("This stops the submission", "No signatory is named");

        MvcResult refused = send(post("/enrollments/{id}/submit", id).param("version", version(draft)), session, 422);
        String html = html(refused);
        String error = html.substring(
                html.indexOf("id=\"submit-error\""), html.indexOf("</div>", html.indexOf("id=\"submit-error\"")));
        assertThat(visibleText(error))
                .contains("One required requirement is not met: see each reason below.")
                .contains("Signatory", "No signatory is named: name a person with authority to sign legal agreements.");
        assertThat(html).contains("id=\"submit-form\"", "id=\"checklist\"");

        MvcResult stale = send(post("/enrollments/{id}/submit", id).param("version", "99"), session, 409);
        assertThat(visibleText(html(stale))).contains("Someone changed this in the meantime; reload and try again.");
        s.read("/api/v1/enrollments/" + id, as(s.globalAdmin))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("DRAFT"));
    }

    @Test
    void a_reviewer_sees_the_review_forms_and_not_the_credit_ones_and_a_credit_analyst_the_opposite() throws Exception {
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
        MockHttpSession reviewer = signIn(s.reviewer);
        MockHttpSession analyst = signIn(s.analyst);

        String review = page("/enrollments/" + id, reviewer);
        assertThat(review)
                .contains(
                        "id=\"verify-form\"",
                        "id=\"request-info-form\"",
                        "id=\"reject-form\"",
                        "id=\"review-checklist\"")
                .contains("action=\"/enrollments/" + id + "/checklist\"")
                .doesNotContain("id=\"approve-form\"", "id=\"decline-form\"", "id=\"next-step\"");
        assertThat(visibleText(review))
                .contains("Verification of the company by operations", "due 2023-06-21", "5 business days left")
                .contains("The evaluation at submission", "Evaluated on 2023-06-14 under csp-direct-2021.");
        String beforeCredit = page("/enrollments/" + id, analyst);
        assertThat(beforeCredit)
                .doesNotContain(
                        "id=\"verify-form\"", "id=\"approve-form\"", "action=\"/enrollments/" + id + "/checklist\"");
        send(post("/enrollments/{id}/review", id).param("decision", "VERIFIED"), analyst, 403);

        s.review(id, as(s.reviewer), "{\"decision\": \"VERIFIED\"}").andExpect(status().isOk());
        // A second reviewer on the page from before: the step is gone, and the page says why.
        MvcResult late = send(post("/enrollments/{id}/review", id).param("decision", "VERIFIED"), reviewer, 409);
        assertThat(visibleText(html(late)))
                .contains("The step VERIFY cannot be taken while the status is CREDIT_CHECK.");
        assertThat(html(late)).contains("id=\"page-error\"").doesNotContain("id=\"verify-form\"");
        assertThat(page("/enrollments/" + id, analyst))
                .contains("id=\"approve-form\"", "id=\"decline-form\"")
                .doesNotContain("id=\"verify-form\"", "id=\"reject-form\"");
        assertThat(page("/enrollments/" + id, reviewer)).doesNotContain("id=\"approve-form\"", "id=\"verify-form\"");
        send(
                post("/enrollments/{id}/credit-decision", id)
                        .param("decision", "APPROVED")
                        .param("creditLimitUsd", "1"),
                reviewer,
                403);
    }

    @Test
    void the_reviewer_marks_a_problem_asks_for_a_document_and_reads_the_partners_answer_with_its_file()
            throws Exception {
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
        MockHttpSession reviewer = signIn(s.reviewer);

        String before = page("/enrollments/" + id, reviewer);
        MvcResult marked = send(
                post("/enrollments/{id}/checklist", id)
                        .param("item", "REGISTRATION_ID")
                        .param("mark", "PROBLEM")
                        .param("version", version(before)),
                reviewer,
                302);
        String afterMark = follow(marked, reviewer);
        assertThat(visibleText(afterMark)).contains("Registration ID: Problem.");
        String row = afterMark.substring(
                afterMark.indexOf("id=\"item-REGISTRATION_ID\""),
                afterMark.indexOf("</tr>", afterMark.indexOf("id=\"item-REGISTRATION_ID\"")));
        assertThat(visibleText(row)).contains("Registration ID", "Problem");

        // VERIFIED is refused while a problem is marked: said above the form.
        MvcResult refused = send(
                post("/enrollments/{id}/review", id)
                        .param("decision", "VERIFIED")
                        .param("version", version(afterMark)),
                reviewer,
                422);
        assertThat(visibleText(html(refused))).contains("The checklist has a problem marked (REGISTRATION_ID)");

        // A due date too soon is refused next to its field; the message typed stays.
        MvcResult tooSoon = send(
                post("/enrollments/{id}/review", id)
                        .param("decision", "INFO_REQUESTED")
                        .param("note", "Send the company register extract.")
                        .param("dueDate", "2023-06-15")
                        .param("version", version(afterMark)),
                reviewer,
                400);
        String tooSoonHtml = html(tooSoon);
        assertThat(fieldBlock(tooSoonHtml, "dueDate"))
                .contains(
                        "aria-invalid=\"true\"",
                        "Give the partner time to be reminded and answer: a due date on 2023-06-17 or later.");
        assertThat(fieldBlock(tooSoonHtml, "info-message")).contains("Send the company register extract.");

        MvcResult asked = send(
                post("/enrollments/{id}/review", id)
                        .param("decision", "INFO_REQUESTED")
                        .param("note", "Send the company register extract.")
                        .param("dueDate", "2023-06-23")
                        .param("version", version(afterMark)),
                reviewer,
                302);
        assertThat(visibleText(follow(asked, reviewer)))
                .contains("Request sent: the partner is asked to answer by 2023-06-23.")
                .contains("Information requested", "The partner's answer", "due 2023-06-23");

        // The partner reads the request and answers it with a file.
        MockHttpSession partner = signIn(s.accountAdmin);
        String toAnswer = page("/enrollments/" + id, partner);
        assertThat(visibleText(toAnswer))
                .contains("Operations need information from you", "Answer by 2023-06-23")
                .contains("Send the company register extract.", "Answer the request");
        assertThat(toAnswer).contains("enctype=\"multipart/form-data\"", "name=\"files\" type=\"file\" multiple");
        MvcResult empty = send(
                multipart("/enrollments/{id}/answer", id).param("message", " ").param("version", version(toAnswer)),
                partner,
                400);
        assertThat(fieldBlock(html(empty), "answer-message")).contains("Required.");
        MvcResult answered = send(
                multipart("/enrollments/{id}/answer", id)
                        .file(new MockMultipartFile("files", "extract.pdf", "application/pdf", PDF))
                        .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
                        .param("message", "Here is the extract.")
                        .param("version", version(toAnswer)),
                partner,
                302);
        assertThat(visibleText(follow(answered, partner)))
                .contains("Answer sent: operations resume the review.", "Here is the extract.", "extract.pdf");

        String staffPage = page("/enrollments/" + id, reviewer);
        Matcher link = Pattern.compile("href=\"(/enrollments/" + id + "/attachments/[0-9a-f-]{36})\"")
                .matcher(staffPage);
        assertThat(link.find()).isTrue();
        MvcResult download = mvc.perform(get(link.group(1)).session(reviewer))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
        assertThat(visibleText(staffPage)).contains("The partner answered", "In review");
    }

    @Test
    void the_credit_analyst_approves_with_a_limit_after_a_mistake_shown_in_place_and_the_partner_sees_two_steps_left()
            throws Exception {
        String id = s.inCreditCheck();
        MockHttpSession partner = signIn(s.globalAdmin);
        String waiting = visibleText(page("/enrollments/" + id + "?lang=fr", partner));
        assertThat(waiting)
                .contains("Votre crédit est en cours de vérification", "peut prendre plusieurs jours")
                .contains("N’achetez PAS votre plan de support maintenant : il serait refusé.")
                .contains("Société vérifiée : place à la vérification de crédit");
        page("/enrollments/" + id + "?lang=en", partner);

        MockHttpSession analyst = signIn(s.analyst);
        String before = page("/enrollments/" + id, analyst);
        MvcResult wrong = send(
                post("/enrollments/{id}/credit-decision", id)
                        .param("decision", "APPROVED")
                        .param("creditLimitUsd", "lots")
                        .param("version", version(before)),
                analyst,
                400);
        String wrongHtml = html(wrong);
        assertThat(fieldBlock(wrongHtml, "creditLimitUsd")).contains("aria-invalid=\"true\"", "got lots");
        MvcResult noReason = send(
                post("/enrollments/{id}/credit-decision", id)
                        .param("decision", "DECLINED")
                        .param("version", version(before)),
                analyst,
                400);
        assertThat(fieldBlock(html(noReason), "decline-note")).contains("Required.");

        MvcResult approved = send(
                post("/enrollments/{id}/credit-decision", id)
                        .param("decision", "APPROVED")
                        .param("creditLimitUsd", "250000")
                        .param("version", version(before)),
                analyst,
                302);
        assertThat(visibleText(follow(approved, analyst)))
                .contains("Credit approved with a limit of 250,000.00 USD: the partner is told by email.")
                .contains("Credit approved", "Credit limit 250,000.00 USD");

        String twoSteps = page("/enrollments/" + id, partner);
        assertThat(visibleText(twoSteps))
                .contains("Your credit check passed: two steps left")
                .contains("Buy your support plan (ASfP or PSfP) and record it", "To do")
                .contains("Read and accept the agreement");
        assertThat(twoSteps)
                .contains(
                        "href=\"/partners/" + s.partner + "#support-plans\"",
                        "href=\"/enrollments/" + id + "/agreement\"");
    }

    @Test
    void while_the_credit_check_runs_the_partner_page_explains_why_the_support_plan_waits() throws Exception {
        s.inCreditCheck();
        MockHttpSession partner = signIn(s.globalAdmin);
        String company = page("/partners/" + s.partner, partner);
        String waiting = company.substring(company.indexOf("id=\"support-plan-waiting\""));
        assertThat(visibleText(waiting))
                .contains("Wait for the credit check before buying your support plan")
                .contains("Your enrollment in France (FR), submitted on 2023-06-14, is in its credit check")
                .contains("a plan bought on or after 2023-06-14 would be refused");
        assertThat(waiting)
                .containsPattern("<button type=\"button\" class=\"primary\" disabled[^>]*>Record the support plan");
        assertThat(company).contains("<details class=\"earlier-plan\"");

        // A plan bought today is refused, said in place; one bought before the submission is flagged.
        MvcResult refused = send(
                post("/partners/{id}/support-plans", s.partner)
                        .param("type", "ASFP")
                        .param("contractId", "C-TODAY")
                        .param("purchasedOn", "2023-06-14")
                        .param("renewsOn", "2024-06-13"),
                partner,
                409);
        assertThat(visibleText(html(refused)))
                .contains("Wait for the credit check to pass before buying or recording a support plan.");
        assertThat(html(refused)).contains("<details class=\"earlier-plan\" open");
        MvcResult earlier = send(
                post("/partners/{id}/support-plans", s.partner)
                        .param("type", "PSFP")
                        .param("contractId", "C-EARLIER")
                        .param("purchasedOn", "2023-05-02")
                        .param("renewsOn", "2024-05-01"),
                partner,
                302);
        assertThat(visibleText(follow(earlier, partner)))
                .contains(
                        "Support plan C-EARLIER recorded and flagged for the program team",
                        "Recorded during a credit check");
        MvcResult badDate = send(
                post("/partners/{id}/support-plans", s.partner)
                        .param("type", "ASFP")
                        .param("contractId", "C-X")
                        .param("purchasedOn", "14/06/2023")
                        .param("renewsOn", ""),
                partner,
                400);
        assertThat(fieldBlock(html(badDate), "purchasedOn")).contains("14/06/2023 is not a date");

        // A report viewer may not record plans: no form at all.
        assertThat(page("/partners/" + s.partner, signIn(s.reportViewer)))
                .doesNotContain("id=\"support-plan-form\"", "id=\"support-plan-waiting\"");
    }

    @Test
    void the_global_admin_reads_the_agreement_and_accepts_it_once_the_support_plan_is_recorded() throws Exception {
        String id = s.creditApproved();
        MockHttpSession session = signIn(s.globalAdmin);

        // With no wait any more, the partner page offers the plain form.
        String company = page("/partners/" + s.partner, session);
        assertThat(company).contains("id=\"support-plan-form\"").doesNotContain("id=\"support-plan-waiting\"");

        String agreement = page("/enrollments/" + id + "/agreement", session);
        assertThat(visibleText(agreement))
                .contains("Direct-bill partner agreement", "1. Purpose.", "I accept this agreement on behalf of");
        assertThat(agreement).contains("name=\"agreementVersion\"", "type=\"checkbox\" name=\"accepted\"");
        String agreementVersion = value(agreement, "agreementVersion");

        MvcResult unticked = send(
                post("/enrollments/{id}/agreement", id)
                        .param("agreementVersion", agreementVersion)
                        .param("version", version(agreement)),
                session,
                400);
        assertThat(visibleText(html(unticked))).contains("Tick the box to accept the agreement.");

        MvcResult noPlan = send(
                post("/enrollments/{id}/agreement", id)
                        .param("agreementVersion", agreementVersion)
                        .param("accepted", "true")
                        .param("version", version(agreement)),
                session,
                422);
        assertThat(visibleText(html(noPlan)))
                .contains(
                        "One required requirement is not met",
                        "Active support plan (ASfP or PSfP)",
                        "No support plan is recorded.");

        MvcResult oldText = send(
                post("/enrollments/{id}/agreement", id)
                        .param("agreementVersion", "2017-01")
                        .param("accepted", "true")
                        .param("version", version(agreement)),
                session,
                409);
        assertThat(visibleText(html(oldText)))
                .contains("The agreement version 2017-01 is not the current one (" + agreementVersion + ")");

        MvcResult plan = send(
                post("/partners/{id}/support-plans", s.partner)
                        .param("type", "ASFP")
                        .param("contractId", Fixtures.unique("C"))
                        .param("purchasedOn", "2023-06-14")
                        .param("renewsOn", "2024-06-13"),
                session,
                302);
        assertThat(visibleText(follow(plan, session))).contains("recorded.");
        assertThat(visibleText(page("/enrollments/" + id, session))).contains("Done");

        MvcResult accepted = send(
                post("/enrollments/{id}/agreement", id)
                        .param("agreementVersion", agreementVersion)
                        .param("accepted", "true")
                        .param("version", version(agreement)),
                session,
                302);
        assertThat(visibleText(follow(accepted, session)))
                .contains("You are now a direct-bill partner in France.")
                .contains("You are a direct-bill partner in France", "Active")
                .contains("Version " + agreementVersion + " accepted by " + s.globalAdmin)
                .contains("Agreement accepted: direct-bill partner");
        assertThat(visibleText(page("/enrollments/" + id + "/agreement", session)))
                .contains("Version " + agreementVersion + " accepted by " + s.globalAdmin)
                .doesNotContain("Accept the agreement");
    }

    @Test
    void an_account_admin_may_read_the_agreement_but_only_the_global_admin_accepts_it() throws Exception {
        String id = s.creditApproved();
        MockHttpSession accountAdmin = signIn(s.accountAdmin);
        String agreement = page("/enrollments/" + id + "/agreement", accountAdmin);
        assertThat(agreement).doesNotContain("id=\"accept-form\"");
        assertThat(visibleText(agreement)).contains("Only your Global admin can accept the agreement.");
        assertThat(visibleText(page("/enrollments/" + id, accountAdmin)))
                .contains("Read the agreement", "Only your Global admin can accept the agreement.");
        send(
                post("/enrollments/{id}/agreement", id)
                        .param("agreementVersion", "x")
                        .param("accepted", "true"),
                accountAdmin,
                403);
    }

    @Test
    void the_queue_shows_overdue_work_first_with_the_business_days_left_in_english_and_french() throws Exception {
        String late = s.start();
        s.submit(late, as(s.globalAdmin)).andExpect(status().isOk());
        EnrollmentScenario other = new EnrollmentScenario(mvc, jdbc, rollups);
        try {
            clock.advance(Duration.ofDays(9)); // Friday 2023-06-23: the first verification was due on the 21st
            String fresh = other.start();
            other.submit(fresh, as(other.globalAdmin)).andExpect(status().isOk());

            MockHttpSession reviewer = signIn(s.reviewer);
            String queue = page("/enrollments", reviewer);
            assertThat(queue).contains("href=\"/enrollments\"");
            String lateRow = rowOf(queue, "id=\"queue-" + late + "\"");
            assertThat(visibleText(lateRow))
                    .contains(
                            "France (FR)", "In review", "since 2023-06-14", "Verification of the company by operations")
                    .contains("2023-06-21", "Overdue by 2 business days");
            assertThat(lateRow).contains("class=\"overdue\"");
            assertThat(visibleText(rowOf(queue, "id=\"queue-" + fresh + "\"")))
                    .contains("since 2023-06-23", "2023-06-30", "5 business days left");
            assertThat(queue.indexOf("id=\"queue-" + late + "\""))
                    .as("overdue first")
                    .isLessThan(queue.indexOf("id=\"queue-" + fresh + "\""));

            String overdueOnly = page("/enrollments?overdue=true", reviewer);
            assertThat(overdueOnly).contains("id=\"queue-" + late + "\"").doesNotContain("id=\"queue-" + fresh + "\"");
            assertThat(page("/enrollments?status=CREDIT_CHECK", reviewer)).doesNotContain("id=\"queue-" + late + "\"");

            String french = visibleText(page("/enrollments?lang=fr", reviewer));
            assertThat(french)
                    .contains(
                            "Inscriptions",
                            "En cours d’examen",
                            "En retard de 2 jours ouvrés",
                            "5 jours ouvrés restants");
            page("/enrollments?lang=en", reviewer);

            mvc.perform(get("/enrollments").session(signIn(s.globalAdmin))).andExpect(status().isForbidden());
        } finally {
            clock.set(EnrollmentTime.START);
        }
    }

    @Test
    void a_partner_admin_withdraws_after_confirming_and_the_page_says_so() throws Exception {
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
        MockHttpSession session = signIn(s.accountAdmin);
        String confirm = page("/enrollments/" + id + "/withdraw", session);
        assertThat(visibleText(confirm))
                .contains("Withdraw the enrollment in France (FR)?", "cannot be taken up again", "Keep it");
        MvcResult withdrawn = send(
                post("/enrollments/{id}/withdraw", id)
                        .param("note", "Not this year.")
                        .param("version", version(confirm)),
                session,
                302);
        assertThat(visibleText(follow(withdrawn, session)))
                .contains("Your enrollment in France is withdrawn.", "This enrollment was withdrawn", "Not this year.")
                .contains("You may apply again in France.");
        assertThat(visibleText(page("/enrollments/" + id + "/withdraw", session)))
                .contains("This enrollment cannot be withdrawn: its status is Withdrawn.");
        send(post("/enrollments/{id}/withdraw", id), session, 409);
    }

    private static String value(String html, String name) {
        Matcher value =
                Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(value.find()).as("a field " + name).isTrue();
        return value.group(1);
    }

    /** From a field's label to the end of its block. */
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
