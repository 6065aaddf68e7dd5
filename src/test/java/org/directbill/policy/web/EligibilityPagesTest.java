package org.directbill.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The self-assessment checklist and the stored evaluations as people meet them, in English and in
 * French: the outcome, each requirement's status in words and colour, its reason and next step, the
 * market asked for rather than refused, saving, the history, and who may see what. The evaluation
 * is as of today, under the policy in force (csp-direct-fy26 from 2025-10-01).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EligibilityPagesTest {

    @Autowired
    MockMvc mvc;

    Fixtures fixtures;
    Pages pages;
    String partner;
    String name;
    String globalAdmin;
    String reportViewer;

    /** A partner in France (and Germany) that names no signatory: not eligible, with things to do. */
    @BeforeAll
    void aPartnerWithoutASignatory() throws Exception {
        fixtures = new Fixtures(mvc);
        pages = new Pages(mvc);
        name = Fixtures.unique("Checklist");
        partner = fixtures.createPartner(name);
        fixtures.addLocation(partner, "FR", "ACTIVE");
        fixtures.addLocation(partner, "DE", "PENDING");
        mvc.perform(patch("/api/v1/partners/{id}/profile", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"supportCapability": {"firstLevelSupport": true, "contactEmail": "support@example.com"},
                                 "billingInfrastructure": {"inPlace": true, "description": "AR team"},
                                 "managedServices": [{"name": "Managed Azure", "kind": "MANAGED_SERVICE"}],
                                 "indirectResellerSince": "2020-01-01"}"""))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/partners/{id}/support-plans", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "ASFP", "contractId": "%s", "purchasedOn": "2024-01-01",
                                 "renewsOn": "2099-12-31"}""".formatted(Fixtures.unique("C"))))
                .andExpect(status().isCreated());
        globalAdmin = fixtures.addPartnerUser(partner, "GLOBAL_ADMIN");
        reportViewer = fixtures.addPartnerUser(partner, "REPORT_VIEWER");
    }

    private String eligibility(MockHttpSession session, String query) throws Exception {
        return pages.page(get("/partners/" + partner + "/eligibility" + query).session(session));
    }

    @Test
    void the_checklist_gives_the_outcome_then_each_requirement_with_its_status_reason_and_next_step() throws Exception {
        String html = eligibility(signIn(globalAdmin), "?market=FR");
        String text = Pages.visibleText(html);

        assertThat(text)
                .contains("Eligibility self-assessment", name)
                .contains("Policy CSP direct bill requirements (FY26, October 2025) csp-direct-fy26 Market France (FR)")
                .contains("Not eligible")
                .contains("required requirements are not met.");
        assertThat(html).contains("href=\"/policies/csp-direct-fy26\"");

        String signatory = row(html, "ENDORSEMENT");
        assertThat(signatory).contains("data-status=\"NOT_MET\"", "class=\"status not_met\"");
        assertThat(Pages.visibleText(signatory))
                .contains("✗ Not met", "Signatory with authority to sign", "Required")
                .contains("No signatory is named: name a person with authority to sign legal agreements.")
                .contains("Complete it in the profile facts");
        assertThat(signatory).contains("href=\"/partners/" + partner + "/profile#signatory\"");

        String location = row(html, "LOCATION_ID");
        assertThat(Pages.visibleText(location))
                .contains("✓ Met")
                .contains("The partner has an active location in the market FR");
        assertThat(location).doesNotContain("<a ");

        String managed = row(html, "MANAGED_SERVICE");
        assertThat(Pages.visibleText(managed)).contains("Met", "Recommended", "1 service(s) declared: Managed Azure.");

        String revenue = row(html, "TTM_REVENUE");
        assertThat(Pages.visibleText(revenue))
                .contains("Not met", "The revenue of 0.00 USD is below the threshold of 1,000,000.00 USD.")
                .contains("See the revenue");
        assertThat(revenue).contains("href=\"/partners/" + partner + "/revenue\"");

        String vetting = row(html, "BUSINESS_VETTING");
        assertThat(vetting).contains("class=\"status pending\"");
        assertThat(Pages.visibleText(vetting))
                .contains("… Pending", "Program staff record this; nothing for you to do.");
        assertThat(vetting).doesNotContain("<a ");

        assertThat(Pages.visibleText(row(html, "SUPPORT_PLAN"))).contains("is active until 2099-12-31");
        assertThat(html)
                .containsPattern("<form action=\"/partners/" + partner
                        + "/evaluations\" method=\"post\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\"")
                .contains("<input type=\"hidden\" name=\"market\" value=\"FR\">")
                .contains("<input type=\"hidden\" name=\"policyId\" value=\"csp-direct-fy26\">");
        // Strict CSP: no inline style or script.
        assertThat(html).doesNotContain(" style=", "<style", "<script>");
    }

    @Test
    void in_french_the_checklist_reads_in_french() throws Exception {
        // A user of its own: choosing French is saved on the user, for its next sessions.
        String french = fixtures.addPartnerUser(partner, "GLOBAL_ADMIN");
        String html = eligibility(signIn(french), "?market=FR&lang=fr");
        String text = Pages.visibleText(html).replace('\u202f', ' ').replace('\u00a0', ' ');

        assertThat(html).contains("<html lang=\"fr\"");
        assertThat(text)
                .contains("Auto-évaluation de l’éligibilité", "Marché demandé", "France (FR)")
                .contains("Non éligible", "exigences obligatoires ne sont pas satisfaites.")
                .contains("Aucun signataire n’est désigné : désignez une personne habilitée à signer les accords"
                        + " juridiques.")
                .contains("Non satisfaite", "Satisfaite", "En attente", "Obligatoire", "Recommandé")
                .contains("Compléter dans le profil", "Voir le chiffre d’affaires")
                .contains("Le chiffre d’affaires de 0,00 USD est inférieur au seuil de 1 000 000,00 USD.")
                .contains("L’équipe du programme l’enregistre ; vous n’avez rien à faire.")
                .contains("Enregistrer cette évaluation", "Évaluations précédentes")
                .doesNotContain("Not met", "Next step", "Save this evaluation");
    }

    @Test
    void a_market_scoped_policy_without_a_market_asks_for_one_with_the_partners_countries_first() throws Exception {
        String html = eligibility(signIn(globalAdmin), "");
        String text = Pages.visibleText(html);

        assertThat(text)
                .contains("Which market do you apply for?")
                .contains(
                        "The policy CSP direct bill requirements (FY26, October 2025) (csp-direct-fy26) checks for an active"
                                + " location in the market applied for")
                .doesNotContain("Save this evaluation");
        assertThat(html).doesNotContain("id=\"checklist\"", "id=\"outcome\"");
        // The partner's own countries come first, France chosen, before every other country.
        String select = html.substring(html.indexOf("<select id=\"market\""), html.indexOf("</select>"));
        String own = select.substring(select.indexOf("<optgroup"), select.indexOf("</optgroup>"));
        assertThat(own)
                .contains("label=\"Where the partner has locations\"")
                .contains("<option value=\"DE\">Germany (DE)</option>")
                .contains("<option value=\"FR\" selected=\"selected\">France (FR)</option>")
                .doesNotContain("value=\"US\"");
        assertThat(select.indexOf("value=\"FR\"")).isLessThan(select.indexOf("value=\"AT\""));
    }

    @Test
    void a_policy_that_needs_no_market_is_checked_without_one() throws Exception {
        String html = eligibility(signIn(globalAdmin), "?policyId=csp-direct-2018");

        assertThat(Pages.visibleText(html))
                .contains("Market Not needed by this policy")
                .contains("The partner has an active location:")
                .contains("Not eligible");
        assertThat(html).contains("<option value=\"csp-direct-2018\" selected=\"selected\">");
        // 2018 has no revenue, plan or program-fact requirement.
        assertThat(html).doesNotContain("id=\"requirement-TTM_REVENUE\"", "id=\"requirement-SUPPORT_PLAN\"");
    }

    @Test
    void an_evaluation_under_a_policy_without_market_is_saved_and_shown_without_one() throws Exception {
        MockHttpSession session = signIn(globalAdmin);
        String location = mvc.perform(post("/partners/" + partner + "/evaluations")
                        .session(session)
                        .with(csrf())
                        .param("market", "")
                        .param("policyId", "csp-direct-2018"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        String html = pages.page(get(location).session(session));
        assertThat(Pages.visibleText(html))
                .contains("Policy CSP direct bill requirements (August 2018) csp-direct-2018")
                .contains("Market Not needed by this policy");
        assertThat(html).contains("href=\"/partners/" + partner + "/eligibility?policyId=csp-direct-2018\"");
    }

    @Test
    void an_unknown_market_or_policy_is_said_next_to_its_picker() throws Exception {
        MockHttpSession session = signIn(globalAdmin);
        String market =
                refused(get("/partners/" + partner + "/eligibility?market=ZZ").session(session), 400);
        assertThat(market)
                .contains("aria-invalid=\"true\" aria-describedby=\"market-error\"")
                .containsPattern("<p class=\"field-error\" id=\"market-error\">ZZ is not an ISO 3166-1 alpha-2"
                        + " country code");
        assertThat(market).doesNotContain("id=\"checklist\"");

        String policy = refused(
                get("/partners/" + partner + "/eligibility?market=FR&policyId=no-such-policy")
                        .session(session),
                400);
        assertThat(policy)
                .contains("aria-describedby=\"policyId-error\"")
                .contains("<p class=\"field-error\" id=\"policyId-error\">There is no policy no-such-policy.</p>");
    }

    @Test
    void staff_are_led_to_the_program_facts_and_a_report_viewer_to_what_it_may_see() throws Exception {
        String staff = eligibility(signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD), "?market=FR");
        String vetting = row(staff, "BUSINESS_VETTING");
        assertThat(vetting).contains("href=\"/partners/" + partner + "/profile#program-facts\"");
        assertThat(Pages.visibleText(vetting)).contains("Record it in the program facts");
        assertThat(Pages.visibleText(row(staff, "ENDORSEMENT"))).contains("Complete it in the profile facts");

        String reviewer = fixtures.addStaff("CREDIT_ANALYST").get("email").asString();
        String analyst = eligibility(signIn(reviewer), "?market=FR");
        assertThat(Pages.visibleText(row(analyst, "BUSINESS_VETTING"))).contains("See the program facts");

        String viewer = eligibility(signIn(reportViewer), "?market=FR");
        String revenue = row(viewer, "TTM_REVENUE");
        // The report viewer may not see revenue: no figure, no link, who does see them.
        assertThat(Pages.visibleText(revenue))
                .contains("Not met", "The revenue is below the threshold of 1,000,000.00 USD.")
                .contains("The company admins and program staff see the revenue figures.")
                .doesNotContain("0.00 USD is below");
        assertThat(revenue).doesNotContain("/revenue\"");
        assertThat(Pages.visibleText(row(viewer, "ENDORSEMENT")))
                .contains("See the profile facts (the company admins complete them)");
        assertThat(Pages.visibleText(row(viewer, "BUSINESS_VETTING")))
                .contains("Program staff record this; nothing for you to do.");
    }

    @Test
    void saving_stores_the_evaluation_shows_its_page_and_lists_it_with_the_past_ones() throws Exception {
        MockHttpSession session = signIn(globalAdmin);
        MockHttpServletResponse saved = mvc.perform(post("/partners/" + partner + "/evaluations")
                        .session(session)
                        .with(csrf())
                        .param("market", "FR")
                        .param("policyId", "csp-direct-fy26"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse();
        String location = saved.getRedirectedUrl();
        assertThat(location).matches("/partners/" + partner + "/evaluations/[0-9a-f-]{36}");
        String evaluationId = location.substring(location.lastIndexOf('/') + 1);

        String html = pages.page(get(location).session(session));
        String text = Pages.visibleText(html);
        assertThat(text)
                .contains("Saved evaluation as of " + java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                .contains("Market France (FR)", "By " + globalAdmin)
                .contains("it does not change when the facts do")
                .contains("Not eligible")
                .contains("No signatory is named");
        Matcher digest = Pattern.compile("<abbr class=\"code digest\" title=\"([0-9a-f]{64})\">([0-9a-f]{12})…</abbr>")
                .matcher(html);
        assertThat(digest.find())
                .as("the short digest with the full one in its title")
                .isTrue();
        assertThat(digest.group(1)).startsWith(digest.group(2));
        // A snapshot says what was; it does not tell what to do now.
        assertThat(html).doesNotContain("Next step", "Complete it in the profile facts");
        assertThat(html)
                .contains("href=\"/partners/" + partner + "/eligibility?market=FR&amp;policyId=csp-direct-fy26\"");

        String history = eligibility(session, "?market=FR");
        String table = history.substring(history.indexOf("id=\"history\""));
        assertThat(Pages.visibleText(table))
                .contains("Past evaluations")
                .contains("csp-direct-fy26 France (FR) Not eligible " + globalAdmin);
        assertThat(table).contains("href=\"/partners/" + partner + "/evaluations/" + evaluationId + "\"");

        MockHttpSession frenchSession = signIn(fixtures.addPartnerUser(partner, "ACCOUNT_ADMIN"));
        String french = Pages.visibleText(pages.page(get(location + "?lang=fr").session(frenchSession)));
        assertThat(french)
                .contains("Évaluation enregistrée au", "Marché France (FR)", "Non éligible", "Faits lus (empreinte)")
                .contains("Aucun signataire n’est désigné");
    }

    @Test
    void a_stored_evaluation_keeps_its_answer_when_the_facts_change() throws Exception {
        String other = fixtures.createPartner(Fixtures.unique("Snapshot"));
        fixtures.addLocation(other, "FR", "ACTIVE");
        String user = fixtures.addPartnerUser(other, "GLOBAL_ADMIN");
        MockHttpSession session = signIn(user);
        String location = mvc.perform(post("/partners/" + other + "/evaluations")
                        .session(session)
                        .with(csrf())
                        .param("market", "FR"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(patch("/api/v1/partners/{id}/profile", other)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"signatory": {"name": "Ada Signer", "email": "ada@example.com", "title": "CEO",
                                               "authorityToSign": true}}"""))
                .andExpect(status().isOk());

        assertThat(Pages.visibleText(row(pages.page(get(location).session(session)), "ENDORSEMENT")))
                .contains("Not met", "No signatory is named");
        String live =
                pages.page(get("/partners/" + other + "/eligibility?market=FR").session(session));
        assertThat(Pages.visibleText(row(live, "ENDORSEMENT"))).contains("✓ Met", "Ada Signer is named as signatory");
    }

    @Test
    void another_partners_user_hears_that_nothing_exists() throws Exception {
        String stranger = fixtures.addPartnerUser(fixtures.createPartner(Fixtures.unique("Stranger")), "GLOBAL_ADMIN");
        MockHttpSession session = signIn(stranger);
        MockHttpSession own = signIn(globalAdmin);
        String location = mvc.perform(post("/partners/" + partner + "/evaluations")
                        .session(own)
                        .with(csrf())
                        .param("market", "FR"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(get("/partners/" + partner + "/eligibility?market=FR").session(session))
                .andExpect(status().isNotFound());
        mvc.perform(get(location).session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/partners/" + partner + "/evaluations")
                        .session(session)
                        .with(csrf())
                        .param("market", "FR"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/partners/" + partner + "/evaluations/not-an-id").session(own))
                .andExpect(status().isNotFound());
        mvc.perform(get("/partners/" + partner + "/evaluations/" + java.util.UUID.randomUUID())
                        .session(own))
                .andExpect(status().isNotFound());
    }

    @Test
    void saving_needs_the_csrf_token_and_a_market_for_a_market_scoped_policy() throws Exception {
        MockHttpSession session = signIn(globalAdmin);
        mvc.perform(post("/partners/" + partner + "/evaluations")
                        .session(session)
                        .param("market", "FR"))
                .andExpect(status().isForbidden());

        String html = refused(
                post("/partners/" + partner + "/evaluations").session(session).with(csrf()), 400);
        assertThat(html)
                .contains("<p class=\"field-error\" id=\"market-error\">Policy csp-direct-fy26 checks for an active"
                        + " location in the market applied for");
    }

    @Test
    void the_partner_page_and_the_navigation_of_partner_users_lead_to_the_checklist() throws Exception {
        String link = "href=\"/partners/" + partner + "/eligibility\"";
        String forPartner = pages.page(get("/partners/" + partner).session(signIn(reportViewer)));
        String nav = forPartner.substring(forPartner.indexOf("<nav"), forPartner.indexOf("</nav>"));
        assertThat(nav).contains(link + ">Eligibility</a>");
        assertThat(forPartner.substring(forPartner.indexOf("</nav>"))).contains(link);

        String forStaff =
                pages.page(get("/partners/" + partner).session(signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD)));
        String staffNav = forStaff.substring(forStaff.indexOf("<nav"), forStaff.indexOf("</nav>"));
        assertThat(staffNav).doesNotContain("Eligibility").contains("href=\"/policies\"");
        assertThat(forStaff).contains(link);
        // A user of its own: choosing French is saved on the user.
        MockHttpSession french = signIn(fixtures.addPartnerUser(partner, "SALES_AGENT"));
        assertThat(Pages.visibleText(
                        pages.page(get("/partners/" + partner + "?lang=fr").session(french))))
                .contains("Éligibilité");
    }

    // ---------------------------------------------------------------------------------------------

    /** The markup of one requirement's row. */
    private static String row(String html, String code) {
        int start = html.indexOf("id=\"requirement-" + code + "\"");
        assertThat(start).as("a row for " + code).isPositive();
        return html.substring(html.lastIndexOf("<tr", start), html.indexOf("</tr>", start));
    }

    private String refused(RequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response.getContentAsString();
    }

    private MockHttpSession signIn(String user) throws Exception {
        return pages.signIn(user, Fixtures.PASSWORD);
    }

    private MockHttpSession signIn(String user, String password) throws Exception {
        return pages.signIn(user, password);
    }
}
