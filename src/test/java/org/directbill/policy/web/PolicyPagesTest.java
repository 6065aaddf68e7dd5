package org.directbill.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.directbill.policy.PolicyFixtures;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The policy pages in English and French: the versions with the one in force today marked, one
 * policy in words, two compared, and the publish form (program admins only) with its mistakes shown
 * in place. Policies published here take effect from the year 9000 ({@link PolicyFixtures}), so
 * that no other test sees them in force.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyPagesTest {

    @Autowired
    MockMvc mvc;

    Fixtures fixtures;
    Pages pages;
    MockHttpSession admin;

    @BeforeAll
    void signInTheAdmin() throws Exception {
        fixtures = new Fixtures(mvc);
        pages = new Pages(mvc);
        admin = pages.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
    }

    @Test
    void the_list_shows_every_version_by_date_with_the_one_in_force_today_marked() throws Exception {
        String html = pages.page(get("/policies").session(admin));
        String text = Pages.visibleText(html);

        assertThat(text)
                .contains("Requirement policies", "Publish a new version", "Compare two versions")
                .contains("2018-08-31 CSP direct bill requirements (August 2018) csp-direct-2018 Superseded Built in")
                .contains("2020-10-27 CSP direct bill requirements (October 2020) csp-direct-2020 Superseded")
                .contains("2025-10-01 CSP direct bill requirements (FY26, October 2025) csp-direct-fy26 ● In force"
                        + " today Built in");
        assertThat(text.indexOf("csp-direct-2018")).isLessThan(text.indexOf("csp-direct-2020"));
        assertThat(row(html, "policy-csp-direct-fy26")).contains("class=\"in_force\"", "class=\"badge in_force\"");
        assertThat(row(html, "policy-csp-direct-2021"))
                .contains("href=\"/policies/compare?left=csp-direct-2020&amp;right=csp-direct-2021\"");
        assertThat(html).contains("href=\"/policies/new\"");
    }

    @Test
    void in_french_the_list_and_a_policy_read_in_french() throws Exception {
        MockHttpSession reviewer =
                pages.signIn(fixtures.addStaff("REVIEWER").get("email").asString(), Fixtures.PASSWORD);
        String list = Pages.visibleText(pages.page(get("/policies?lang=fr").session(reviewer)));
        assertThat(list)
                .contains("Politiques d’exigences", "En vigueur aujourd’hui", "Remplacée", "Intégrée")
                .doesNotContain("Publier une nouvelle version", "Superseded");

        String policy = Pages.visibleText(
                        pages.page(get("/policies/csp-direct-2020").session(reviewer)))
                .replace('\u202f', ' ')
                .replace('\u00a0', ' ');
        assertThat(policy)
                .contains("Au moins 300 000 USD sur 12 mois, actualisé le 8 de chaque mois, en comptant : Consommation"
                        + " Azure, Réservations Azure, Abonnements de licences, SaaS de la Marketplace")
                .contains("Un emplacement actif sur le marché demandé")
                .contains("Service managé, service de PI ou solution client MANAGED_SERVICE Recommandé")
                .contains("évalués à la date de renouvellement de leur plan de support")
                .contains("a 30 jours pour y remédier ; il est ensuite restreint, suspendu 30 jours et révoqué 60 jours"
                        + " après la restriction.");
    }

    @Test
    void a_policy_page_says_its_requirements_and_enforcement_in_words() throws Exception {
        String html = pages.page(get("/policies/csp-direct-2020").session(admin));
        String text = Pages.visibleText(html);

        assertThat(text)
                .contains("CSP direct bill requirements (October 2020)")
                .contains("Effective from 2020-10-27 Status Superseded Publication Built in")
                .contains("Trailing-twelve-month CSP revenue TTM_REVENUE Required At least 300,000 USD over 12 months,"
                        + " refreshed on day 8 of each month, counting Azure consumption, Azure reservations, License"
                        + " subscriptions, Marketplace SaaS")
                .contains("Active location ID LOCATION_ID Required An active location in the market applied for")
                .contains("Managed service, IP service or customer solution MANAGED_SERVICE Recommended No parameter")
                .contains("measured on the renewal date of their support plan")
                .contains("has 30 days to cure it; then it is restricted, suspended 30 days and revoked 60 days after"
                        + " the restriction.")
                .doesNotContain("INDIRECT_TENURE");
        assertThat(html)
                .contains("href=\"/policies/compare?left=csp-direct-2018&amp;right=csp-direct-2020\"")
                .contains("href=\"/policies/compare?left=csp-direct-2020&amp;right=csp-direct-2021\"")
                .contains("href=\"/policies/new?from=csp-direct-2020\"");
        assertThat(Pages.visibleText(pages.page(get("/policies/csp-direct-2018").session(admin))))
                .contains("An active location, in any market")
                .contains("measured each year on the anniversary of their activation");
        mvc.perform(get("/policies/no-such-policy").session(admin)).andExpect(status().isNotFound());
    }

    @Test
    void compare_defaults_to_the_version_in_force_against_the_one_before_and_highlights_what_changed()
            throws Exception {
        String html = pages.page(get("/policies/compare").session(admin));
        String text = Pages.visibleText(html);

        assertThat(html)
                .containsPattern("<option value=\"csp-direct-2021\" selected=\"selected\">")
                .containsPattern("<option value=\"csp-direct-fy26\" selected=\"selected\">");
        assertThat(text)
                .contains("Title CSP direct bill requirements (April 2021) CSP direct bill requirements (FY26, October"
                        + " 2025)")
                .contains("Effective from 2021-04-15 2025-10-01")
                .contains("Measured On the support plan renewal On the anniversary of activation")
                .doesNotContain("Days to cure");
        String revenue = row(html, "change-TTM_REVENUE");
        assertThat(revenue).contains("class=\"changed\"", "class=\"change parameters_changed\"");
        assertThat(Pages.visibleText(revenue))
                .contains("Parameters changed Threshold: 300,000 USD → becomes 1,000,000 USD")
                .contains("Required · At least 300,000 USD over 12 months")
                .contains("Required · At least 1,000,000 USD over 12 months");
        assertThat(revenue).contains("<del>300,000 USD</del>", "<ins>1,000,000 USD</ins>");
        String vetting = row(html, "change-BUSINESS_VETTING");
        assertThat(Pages.visibleText(vetting)).contains("Business vetting Added — Required · No parameter");
        String signatory = row(html, "change-ENDORSEMENT");
        assertThat(signatory).contains("class=\"unchanged\"");
        assertThat(Pages.visibleText(signatory)).contains("Unchanged");
    }

    @Test
    void comparing_2018_with_2020_shows_the_scope_the_level_and_the_requirements_added() throws Exception {
        String html = pages.page(get("/policies/compare?left=csp-direct-2018&right=csp-direct-2020")
                .session(admin));

        assertThat(Pages.visibleText(row(html, "change-LOCATION_ID")))
                .contains("Parameters changed Locations counted: Any market → becomes The market applied for");
        assertThat(Pages.visibleText(row(html, "change-MANAGED_SERVICE")))
                .contains("Level changed")
                .contains("Required · No parameter Recommended · No parameter");
        assertThat(Pages.visibleText(row(html, "change-SUPPORT_PLAN"))).contains("Added");
        assertThat(Pages.visibleText(row(html, "change-TTM_REVENUE"))).contains("Added");
        assertThat(html).doesNotContain("id=\"change-INDIRECT_TENURE\"");

        // In French, with a user of its own (the choice of language is saved on the user).
        MockHttpSession reviewer =
                pages.signIn(fixtures.addStaff("REVIEWER").get("email").asString(), Fixtures.PASSWORD);
        String french = pages.page(get("/policies/compare?left=csp-direct-2018&right=csp-direct-2020&lang=fr")
                .session(reviewer));
        assertThat(Pages.visibleText(row(french, "change-LOCATION_ID")))
                .contains("Paramètres modifiés Emplacements pris en compte : N’importe quel marché → devient Le marché"
                        + " demandé");
        assertThat(Pages.visibleText(row(french, "change-MANAGED_SERVICE")))
                .contains("Niveau modifié", "Obligatoire · Aucun paramètre Recommandé · Aucun paramètre");
        assertThat(Pages.visibleText(french)).contains("Comparer deux versions d’une politique", "Ajoutée");
    }

    @Test
    void an_unknown_version_to_compare_is_said_next_to_its_picker() throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/policies/compare?left=no-such-policy&right=csp-direct-2021")
                                .session(admin))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString())
                .contains("aria-invalid=\"true\" aria-describedby=\"left-error\"")
                .contains("<p class=\"field-error\" id=\"left-error\">There is no policy no-such-policy.</p>")
                .doesNotContain("id=\"requirement-changes\"");
    }

    @Test
    void only_a_program_admin_gets_the_publish_form() throws Exception {
        MockHttpSession reviewer =
                pages.signIn(fixtures.addStaff("REVIEWER").get("email").asString(), Fixtures.PASSWORD);
        String partnerAdmin =
                fixtures.addPartnerUser(fixtures.createPartner(Fixtures.unique("Publisher")), "GLOBAL_ADMIN");
        MockHttpSession partner = pages.signIn(partnerAdmin, Fixtures.PASSWORD);
        for (MockHttpSession session : new MockHttpSession[] {reviewer, partner}) {
            mvc.perform(get("/policies/new").session(session)).andExpect(status().isForbidden());
            mvc.perform(post("/policies")
                            .session(session)
                            .with(csrf())
                            .params(PublishForm.fy26(PolicyFixtures.uniqueId(), PolicyFixtures.uniqueDate())
                                    .build()))
                    .andExpect(status().isForbidden());
            String list = pages.page(get("/policies").session(session));
            assertThat(list).doesNotContain("href=\"/policies/new\"");
            // Reading stays open to them.
            pages.page(get("/policies/csp-direct-fy26").session(session));
        }
    }

    @Test
    void the_publish_form_is_prefilled_from_the_policy_in_force() throws Exception {
        String html = pages.page(get("/policies/new").session(admin));

        assertThat(Pages.visibleText(html)).contains("Publish a new policy version", "Prefilled from csp-direct-fy26");
        assertThat(html)
                .contains("<input id=\"id\" name=\"id\" type=\"text\" value=\"\"")
                .contains("value=\"CSP direct bill requirements (FY26, October 2025)\"")
                .containsPattern("id=\"TTM_REVENUE.thresholdUsd\" name=\"TTM_REVENUE.thresholdUsd\" type=\"text\""
                        + " value=\"1000000\"")
                .containsPattern("id=\"BUSINESS_VETTING.included\"[^>]*checked=\"checked\"")
                .containsPattern("id=\"TTM_REVENUE.countedCategories.AZURE_CONSUMPTION\"[^>]*checked=\"checked\"")
                .containsPattern("id=\"enforcement.cureDays\" name=\"enforcement.cureDays\"[^>]*value=\"30\"")
                .containsPattern("<option value=\"ANNIVERSARY\" selected=\"selected\">");
        assertThat(html).doesNotContainPattern("id=\"TTM_REVENUE.countedCategories.PERPETUAL_SOFTWARE\"[^>]*checked");

        String from2018 = pages.page(get("/policies/new?from=csp-direct-2018").session(admin));
        assertThat(from2018)
                // 2018 has no revenue requirement: unticked, with the defaults ready.
                .containsPattern("id=\"TTM_REVENUE.included\"[^>]*aria-invalid=\"false\">")
                .containsPattern("id=\"TTM_REVENUE.thresholdUsd\"[^>]*value=\"300000\"")
                .containsPattern("<option value=\"ANY\" selected=\"selected\">");
    }

    @Test
    void a_publish_form_with_mistakes_comes_back_with_each_error_in_place_then_publishes() throws Exception {
        String id = PolicyFixtures.uniqueId();
        LocalDate date = PolicyFixtures.uniqueDate();

        // Several mistakes at once: each next to its own input, what was typed kept.
        MockHttpServletResponse mistakes = publish(PublishForm.fy26("Not An Id", date)
                .set("title", "")
                .set("TTM_REVENUE.thresholdUsd", "lots")
                .set("TTM_REVENUE.windowMonths", "0")
                .remove("TTM_REVENUE.countedCategories")
                .set("INDIRECT_TENURE.months", "twelve")
                .set("enforcement.cureDays", ""));
        assertThat(mistakes.getStatus()).isEqualTo(400);
        String html = mistakes.getContentAsString();
        assertThat(Pages.visibleText(html)).contains("Please correct the highlighted fields.");
        assertThat(error(html, "id")).startsWith("Not An Id is not a policy id");
        assertThat(error(html, "title")).isEqualTo("Required.");
        assertThat(error(html, "TTM_REVENUE.thresholdUsd")).startsWith("lots is not an amount in US dollars");
        assertThat(error(html, "TTM_REVENUE.windowMonths")).isEqualTo("Must be between 1 and 36.");
        assertThat(error(html, "TTM_REVENUE.countedCategories")).isEqualTo("At least one value is required.");
        assertThat(error(html, "INDIRECT_TENURE.months")).isEqualTo("twelve is not a whole number.");
        assertThat(error(html, "enforcement.cureDays")).isEqualTo("Required.");
        assertThat(html)
                .contains("value=\"Not An Id\"", "value=\"lots\"", "value=\"twelve\"")
                .containsPattern("id=\"TTM_REVENUE.thresholdUsd\"[^>]*aria-invalid=\"true\""
                        + " aria-describedby=\"TTM_REVENUE.thresholdUsd-error\"");
        assertThat(html).doesNotContain("id=\"LOCATION_ID.scope-error\"");

        // A date that is not after today: 422, said on the date.
        MockHttpServletResponse today = publish(PublishForm.fy26(id, LocalDate.now(java.time.ZoneOffset.UTC)));
        assertThat(today.getStatus()).isEqualTo(422);
        assertThat(error(today.getContentAsString(), "effectiveFrom"))
                .startsWith("A new policy takes effect after today");

        // An existing id: 409, said on the id.
        MockHttpServletResponse exists = publish(PublishForm.fy26("csp-direct-fy26", date));
        assertThat(exists.getStatus()).isEqualTo(409);
        assertThat(error(exists.getContentAsString(), "id"))
                .startsWith("The policy csp-direct-fy26 is already published");

        // Then right: published, and its page says so, with the flash message of the publication.
        MvcResult published = mvc.perform(post("/policies")
                        .session(admin)
                        .with(csrf())
                        .params(PublishForm.fy26(id, date)
                                .set("title", "FY9000 requirements")
                                .set("TTM_REVENUE.thresholdUsd", "2500000")
                                .set("MANAGED_SERVICE.level", "REQUIRED")
                                .remove("SOLUTIONS_DESIGNATION.included")
                                .build()))
                .andExpect(status().isFound())
                .andReturn();
        assertThat(published.getResponse().getRedirectedUrl()).isEqualTo("/policies/" + id);
        String page = Pages.visibleText(
                pages.page(get("/policies/" + id).session(admin).flashAttrs(published.getFlashMap())));
        assertThat(page).contains("Policy " + id + " published: it takes effect on " + date + ".");
        assertThat(page)
                .contains("FY9000 requirements", "Effective from " + date, "Status Upcoming", "Published by admin on")
                .contains("At least 2,500,000 USD over 12 months")
                .contains("Managed service, IP service or customer solution MANAGED_SERVICE Required")
                .doesNotContain("SOLUTIONS_DESIGNATION");
        String compared = pages.page(
                get("/policies/compare?left=csp-direct-fy26&right=" + id).session(admin));
        assertThat(Pages.visibleText(row(compared, "change-SOLUTIONS_DESIGNATION")))
                .contains("Removed");
        assertThat(Pages.visibleText(row(compared, "change-MANAGED_SERVICE"))).contains("Level changed");
    }

    // ---------------------------------------------------------------------------------------------

    private MockHttpServletResponse publish(PublishForm form) throws Exception {
        MockHttpServletRequestBuilder request =
                post("/policies").session(admin).with(csrf()).params(form.build());
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The error shown next to an input. */
    private static String error(String html, String input) {
        String start = "id=\"" + input + "-error\">";
        int at = html.indexOf(start);
        assertThat(at).as("an error next to " + input).isPositive();
        return html.substring(at + start.length(), html.indexOf("</p>", at))
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
    }

    /** The markup of the table row with this id. */
    private static String row(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("a row " + id).isPositive();
        return html.substring(html.lastIndexOf("<tr", start), html.indexOf("</tr>", start));
    }
}
