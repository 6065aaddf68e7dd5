package org.directbill.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.directbill.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A program admin works through the partner directory in a real browser (the system Chromium),
 * in French: signs in, creates a partner, adds a location, finds the partner again with the live
 * search. Whatever the browser reports as an error (a script that fails to load, a Content
 * Security Policy violation) fails the test.
 */
class PartnerDirectoryBrowserTest extends BrowserTest {

    @Test
    void a_program_admin_creates_a_partner_adds_a_location_and_finds_it_again_in_french() throws Exception {
        String unrelated = "Autre Société " + Fixtures.unique("");
        createPartnerThroughTheApi(unrelated, "FR");
        String name = "Étoile Cloud " + Fixtures.unique("");
        String locationId = Fixtures.uniqueLocationId();

        // Signing in: a French browser gets the login page in French, with every header set.
        Response first = page.navigate(url("/partners"));
        assertThat(page).hasURL(url("/login"));
        assertThat(first.headers()).containsKeys("content-security-policy", "x-frame-options");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page).hasTitle(Pattern.compile("^Connexion"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connexion")))
                .isVisible();
        assertThat(page.getByLabel("E-mail (ou admin)")).isFocused();
        page.getByLabel("E-mail (ou admin)").fill(Fixtures.ADMIN);
        page.getByLabel("Mot de passe").fill(Fixtures.ADMIN_PASSWORD);
        screenshot("1-login");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        // Back where the visit started (Spring Security marks the replayed request with "continue").
        assertThat(page).hasURL(Pattern.compile("/partners(\\?continue)?$"));

        // The admin's own saved language applies after signing in; the switch brings French back.
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(Pattern.compile("Language|Langue")))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("FR"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Partenaires")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");

        // The keyboard reaches a visible skip link first.
        page.keyboard().press("Tab");
        Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aller au contenu"));
        assertThat(skip).isFocused();
        assertThat(skip).isInViewport();

        // A new partner, with one mistake first: the message appears next to the field, in French.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nouveau partenaire"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nouveau partenaire")))
                .isVisible();
        page.getByLabel("Raison sociale").fill(name);
        page.getByLabel("Pays", new Page.GetByLabelOptions().setExact(true))
                .first()
                .selectOption("FR");
        page.getByLabel("Numéro d’enregistrement").fill("RCS " + Fixtures.unique(""));
        Locator address = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Adresse"));
        address.getByLabel("Ville").fill("Lyon");
        address.getByLabel("Code postal").fill("69002");
        address.getByLabel("Pays").selectOption("FR");
        Locator contact = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Contact principal"));
        contact.getByLabel("Nom", new Locator.GetByLabelOptions().setExact(true))
                .fill("Camille Martin");
        contact.getByLabel("E-mail", new Locator.GetByLabelOptions().setExact(true))
                .fill("camille.martin@example.fr");
        Locator create = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le partenaire"));
        expectRefusal(url("/partners"));
        Response refused =
                page.waitForResponse(response -> response.request().method().equals("POST"), create::click);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Veuillez corriger les champs signalés.");
        Locator street = address.getByLabel("Numéro et rue");
        assertThat(street).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#address\\.line1-error")).hasText("Obligatoire.");
        assertThat(page.getByLabel("Raison sociale")).hasValue(name);
        screenshot("2-new-partner-errors");
        street.fill("12 rue de la République");
        create.click();

        // Its page, where the admin adds a location.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Partenaire créé.");
        assertThat(page.getByText("Aucun emplacement pour l’instant.")).isVisible();
        Locator addLocation =
                page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Ajouter un emplacement"));
        addLocation.getByLabel("ID d’emplacement").fill(locationId);
        assertThat(addLocation.getByLabel("Pays")).hasValue("FR");
        addLocation.getByLabel("Pays").selectOption("BE");
        addLocation.getByLabel("Statut d’appartenance").selectOption("PENDING");
        addLocation
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajouter"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Emplacement " + locationId + " ajouté.");
        assertThat(locationRow(locationId)).containsText("Belgique");
        screenshot("3-partner-detail");

        // Back to the list: the live search narrows it while typing, without a page load.
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Partenaires"))
                .click();
        page.waitForLoadState(); // htmx is loaded and listening before anyone types
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(unrelated)))
                .isVisible();
        page.evaluate("() => { window.notReloaded = true; }");
        page.getByLabel("Rechercher par nom, numéro d’enregistrement ou ID d’emplacement")
                .pressSequentially("Étoile Cloud");
        Locator found = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
        assertThat(found).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(unrelated)))
                .hasCount(0);
        assertThat(page).hasURL(Pattern.compile("/partners\\?q=%C3%89toile(\\+|%20)Cloud$"));
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        screenshot("4-partner-search");

        // The search by location ID finds it too; opening it shows the location.
        Locator search = page.getByLabel("Rechercher par nom, numéro d’enregistrement ou ID d’emplacement");
        search.fill(locationId);
        assertThat(page).hasURL(Pattern.compile("q=" + locationId + "$"));
        assertThat(found).isVisible();
        found.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name)))
                .isVisible();
        assertThat(locationRow(locationId)).containsText("Belgique");
        assertThat(page.getByLabel("Statut d’appartenance de " + locationId)).hasValue("PENDING");
        screenshot("partner-directory");

        assertThat(unexpectedBrowserErrors())
                .as("errors reported by the browser")
                .isEmpty();
    }

    @Test
    void the_profile_form_and_the_audit_log_render_without_browser_errors() throws Exception {
        String name = "Profil " + Fixtures.unique("");
        String id = createPartnerThroughTheApi(name, "FR");
        page.navigate(url("/login?lang=fr"));
        page.getByLabel("E-mail (ou admin)").fill(Fixtures.ADMIN);
        page.getByLabel("Mot de passe").fill(Fixtures.ADMIN_PASSWORD);
        page.getByLabel("Mot de passe").press("Enter");
        assertThat(page).hasURL(url("/partners"));

        page.navigate(url("/partners/" + id + "/profile?lang=fr"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Profil de " + name)))
                .isVisible();
        Locator signatory = page.getByRole(
                AriaRole.GROUP, new Page.GetByRoleOptions().setName("Signataire habilité à signer les contrats"));
        signatory
                .getByLabel("Nom", new Locator.GetByLabelOptions().setExact(true))
                .fill("Ada Signataire");
        signatory
                .getByLabel("E-mail", new Locator.GetByLabelOptions().setExact(true))
                .fill("ada@example.fr");
        signatory
                .getByLabel("Habilité à signer les contrats au nom de la société")
                .selectOption("true");
        page.getByLabel("Évaluation opérationnelle").selectOption("PASSED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Enregistré.");
        assertThat(signatory.getByLabel("Nom", new Locator.GetByLabelOptions().setExact(true)))
                .hasValue("Ada Signataire");
        assertThat(page.getByLabel("Évaluation opérationnelle")).hasValue("PASSED");
        screenshot("5-profile");

        page.navigate(url("/audit?subject=" + id));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Journal d’audit")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("PROFILE_CHANGED");
        screenshot("6-audit");

        // A page that does not exist for this partner id is explained, in French.
        String nowhere = url("/partners/00000000-0000-0000-0000-000000000000");
        expectRefusal(nowhere);
        Response missing = page.navigate(nowhere);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Introuvable")))
                .isVisible();
        screenshot("7-not-found");

        assertThat(unexpectedBrowserErrors())
                .as("errors reported by the browser")
                .isEmpty();
    }

    private Locator locationRow(String locationId) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(locationId));
    }
}
