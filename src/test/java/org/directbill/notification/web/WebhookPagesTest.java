package org.directbill.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Pages.visibleText;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.directbill.notification.Mailbox;
import org.directbill.notification.WebhookOutbox;
import org.directbill.shared.notice.PartnerEvent;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook pages in French and English for a program admin: the list and the register form with
 * its mistakes in place, an endpoint's deliveries with their attempts, disabling and deleting after a
 * confirmation; refused to every other role.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookPagesTest {

    // Nothing listens on port 1: each attempt fails at once, and is logged.
    private static final String URL = "https://127.0.0.1:1/pages-test/events";

    @Autowired
    MockMvc mvc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    Clock clock;

    private Pages pages;
    private MockHttpSession admin;
    private String endpoint;
    private UUID partner;

    @BeforeAll
    void anEndpointThatWasSentAnEvent() throws Exception {
        pages = new Pages(mvc);
        admin = pages.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        MvcResult registered = mvc.perform(post("/webhooks")
                        .session(admin)
                        .with(csrf())
                        .param("url", URL)
                        .param("events", "partner.status.at_risk")
                        .param("events", "partner.status.revoked")
                        .param("secret", "pages-test-secret-1234")
                        .param("description", "ERP of the pages test"))
                .andExpect(status().isFound())
                .andReturn();
        String location = registered.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/webhooks/");
        endpoint = location.substring("/webhooks/".length());
        assertThat(visibleText(pages.page(get(location).session(admin).flashAttrs(registered.getFlashMap()))))
                .contains("Endpoint " + URL + " registered");
        partner = UUID.randomUUID();
        transactions.executeWithoutResult(status -> events.publishEvent(new PartnerEvent(
                partner,
                "partner.status.at_risk",
                "pages-test:" + UUID.randomUUID(),
                Map.of("from", "ACTIVE", "to", "AT_RISK"))));
        outbox.deliverDue(clock.instant());
    }

    @Test
    void the_list_and_the_register_form_read_in_french_and_in_english() throws Exception {
        String french = pages.page(get("/webhooks?lang=fr").session(admin));
        String text = Mailbox.spaces(visibleText(french));

        assertThat(french).contains("<html lang=\"fr\"").contains("href=\"/webhooks/" + endpoint + "\"");
        assertThat(text)
                .contains("Webhooks", URL, "ERP of the pages test", "Un partenaire est à risque", "Activé", "…1234")
                .contains("Enregistrer un point de terminaison", "Tout changement de statut", "Secret de signature")
                .doesNotContain("pages-test-secret-1234");

        String english = visibleText(pages.page(get("/webhooks?lang=en").session(admin)));
        assertThat(english)
                .contains("A partner is at risk", "A partner is revoked", "Enabled")
                .contains("Register an endpoint", "Every status change", "Signing secret");
        assertThat(pages.page(get("/policies").session(admin))).contains("href=\"/webhooks\"");
    }

    @Test
    void a_form_with_mistakes_comes_back_with_each_in_place_and_without_the_secret() throws Exception {
        String html = mvc.perform(post("/webhooks?lang=fr")
                        .session(admin)
                        .with(csrf())
                        .param("url", "http://erp.example.com/hooks")
                        .param("secret", "short-one"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String text = Mailbox.spaces(visibleText(html));

        assertThat(text)
                .contains("Veuillez corriger les champs signalés")
                .contains("http://erp.example.com/hooks n’est pas chiffrée")
                .contains("Au moins une valeur est obligatoire")
                .contains("Entre 16 et 200 caractères ; celui-ci en a 9.");
        assertThat(html).contains("value=\"http://erp.example.com/hooks\"").doesNotContain("short-one");
    }

    @Test
    void an_endpoints_page_lists_its_deliveries_with_each_attempt() throws Exception {
        String english =
                visibleText(pages.page(get("/webhooks/" + endpoint + "?lang=en").session(admin)));
        assertThat(english)
                .contains(URL, "Deliveries", "partner.status.at_risk", partner.toString())
                .contains("Waiting", "Each attempt", "#1")
                .contains("ConnectException");

        String french = Mailbox.spaces(
                visibleText(pages.page(get("/webhooks/" + endpoint + "?lang=fr").session(admin))));
        assertThat(french).contains("Envois", "En attente", "Chaque tentative", "n° 1", "Réessayer maintenant");

        String filtered = visibleText(pages.page(
                get("/webhooks/" + endpoint + "?lang=en&status=DELIVERED").session(admin)));
        assertThat(filtered).contains("Nothing to show").doesNotContain("Each attempt");
        String badFilter = visibleText(pages.page(
                get("/webhooks/" + endpoint + "?lang=en&partnerId=nobody").session(admin)));
        assertThat(badFilter).contains("Not a valid value for partnerId").contains("Each attempt");
    }

    @Test
    void disabling_then_deleting_after_the_confirmation() throws Exception {
        // A session of its own: each step's message is read on the page it leads to.
        MockHttpSession session = pages.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String location = mvc.perform(post("/webhooks")
                        .session(session)
                        .with(csrf())
                        .param("url", "https://127.0.0.1:1/to-delete")
                        .param("events", "partner.status.*")
                        .param("secret", "0123456789abcdef"))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        pages.page(get(location).session(session));

        mvc.perform(post(location + "/enabled").session(session).with(csrf()).param("enabled", "false"))
                .andExpect(status().isFound());
        assertThat(visibleText(pages.page(get(location + "?lang=en").session(session))))
                .contains("Endpoint https://127.0.0.1:1/to-delete disabled")
                .contains("Disabled: nothing is sent.");

        String confirm = Mailbox.spaces(
                visibleText(pages.page(get(location + "/delete?lang=fr").session(session))));
        assertThat(confirm)
                .contains("Supprimer le point de terminaison ?", "https://127.0.0.1:1/to-delete", "Le garder");
        String redirect = mvc.perform(
                        post(location + "/delete").session(session).with(csrf()))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(redirect).isEqualTo("/webhooks");
        // The confirmation page switched the session to French; the message is in it.
        String list = pages.page(get("/webhooks").session(session));
        assertThat(visibleText(list))
                .contains("Point de terminaison https://127.0.0.1:1/to-delete supprimé. Son journal des envois reste");
        assertThat(list).doesNotContain("href=\"" + location + "\"");
        assertThat(visibleText(pages.page(get(location + "?lang=en").session(session))))
                .contains("Deleted on");
    }

    @Test
    void every_other_role_is_refused_and_sees_no_link() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String reviewer = fixtures.addStaff("REVIEWER").get("email").asString();
        String partnerAdmin = fixtures.addPartnerUser(fixtures.createPartner("Webhook pages partner"), "GLOBAL_ADMIN");
        for (String who : new String[] {reviewer, partnerAdmin}) {
            MockHttpSession session = pages.signIn(who, Fixtures.PASSWORD);
            mvc.perform(get("/webhooks").session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/webhooks/" + endpoint).session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/webhooks/" + endpoint + "/delete").session(session))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/webhooks/" + endpoint + "/delete")
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/webhooks")
                            .session(session)
                            .with(csrf())
                            .param("url", URL)
                            .param("events", "partner.status.*")
                            .param("secret", "0123456789abcdef"))
                    .andExpect(status().isForbidden());
            assertThat(pages.page(get("/policies").session(session))).doesNotContain("href=\"/webhooks\"");
        }
        mvc.perform(get("/webhooks")).andExpect(status().isFound());
    }
}
