package org.directbill.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.directbill.notification.Receiver;
import org.directbill.notification.WebhookOutbox;
import org.directbill.shared.notice.PartnerEvent;
import org.directbill.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The program admin, in French, registers a webhook endpoint in a real browser (a mistake first),
 * sees a status change fail once and sends it again from the delivery log, then disables and
 * deletes the endpoint after the confirmation; no page breaks the Content Security Policy.
 */
@TestPropertySource(properties = "directbill.webhooks.allow-http=true")
class WebhookBrowserTest extends BrowserTest {

    static final Receiver RECEIVER = new Receiver();

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    Clock clock;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void the_program_admin_registers_an_endpoint_follows_a_delivery_and_deletes_the_endpoint_in_french()
            throws Exception {
        String address = RECEIVER.url("/erp/events");
        page.navigate(url("/login?lang=fr"));
        page.getByLabel("E-mail (ou admin)").fill(Fixtures.ADMIN);
        page.getByLabel("Mot de passe").fill(Fixtures.ADMIN_PASSWORD);
        page.getByLabel("Mot de passe").press("Enter");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Webhooks"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/webhooks$"));

        // A secret too short: the form comes back with the mistake next to it, the address kept.
        expectRefusal("/webhooks");
        page.getByLabel("Adresse").fill(address);
        page.getByLabel("Un partenaire est à risque").check();
        page.getByLabel("Un partenaire est suspendu").check();
        page.getByLabel("Secret de signature").fill("trop-court");
        page.getByLabel("Description (facultative)").fill("ERP de test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le point de terminaison"))
                .click();
        assertThat(page.locator("#secret-error")).hasText("Entre 16 et 200 caractères ; celui-ci en a 10.");
        assertThat(page.getByLabel("Adresse")).hasValue(address);
        assertThat(page.getByLabel("Un partenaire est à risque")).isChecked();
        screenshot("webhooks-1-mistake");

        page.getByLabel("Secret de signature").fill("un-secret-assez-long-1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le point de terminaison"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/webhooks/[0-9a-f-]{36}$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Point de terminaison " + address + " enregistré");
        assertThat(page.locator("dl.facts")).containsText("…1234");
        String endpointPage = page.url();

        // A status change, refused once by the receiver.
        UUID partner = UUID.randomUUID();
        RECEIVER.answer("/erp/events", 503);
        transactions.executeWithoutResult(status -> events.publishEvent(new PartnerEvent(
                partner, "partner.status.at_risk", "browser:" + partner, Map.of("from", "ACTIVE", "to", "AT_RISK"))));
        outbox.deliverDue(clock.instant());
        page.reload();
        Locator delivery = page.locator("#deliveries tbody");
        assertThat(delivery).containsText("partner.status.at_risk");
        assertThat(delivery).containsText("En attente");
        assertThat(delivery).containsText("HTTP 503");
        delivery.getByText("Chaque tentative").click();
        assertThat(delivery.locator("details li")).containsText("n° 1");
        screenshot("webhooks-2-waiting");

        // Sent again now, from the log.
        delivery.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Réessayer maintenant"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("L’envoi est dû maintenant");
        outbox.deliverDue(clock.instant());
        page.reload();
        assertThat(page.locator("#deliveries tbody")).containsText("Livré");
        assertThat(RECEIVER.at("/erp/events")).hasSize(2);
        screenshot("webhooks-3-delivered");

        // Disabled, then deleted after the confirmation; the log stays.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Désactiver"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("désactivé");
        // The list says it is disabled; its row leads to the confirmation.
        page.locator(".eyebrow a").click();
        assertThat(page.locator("#endpoints")).containsText("Désactivé");
        assertThat(page.locator("#endpoints")).containsText("ERP de test");
        screenshot("webhooks-4-list");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Supprimer " + address))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Supprimer le point de terminaison ?")))
                .isVisible();
        screenshot("webhooks-5-confirm");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer le point de terminaison"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/webhooks$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("supprimé");
        assertThat(page.locator("a[href='" + java.net.URI.create(endpointPage).getPath() + "']"))
                .hasCount(0);
        page.navigate(endpointPage);
        assertThat(page.locator("#deleted")).containsText("Supprimé le");
        assertThat(page.locator("#deliveries tbody")).containsText("Livré");

        assertThat(unexpectedBrowserErrors()).isEmpty();
    }
}
