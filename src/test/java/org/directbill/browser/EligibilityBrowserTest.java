package org.directbill.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.directbill.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A partner's global admin checks its eligibility in a real browser, in French: the checklist of the
 * policy in force for its market, a red requirement whose next step leads to the profile form, the
 * fact declared there, the requirement green on coming back, and the evaluation saved and listed.
 */
class EligibilityBrowserTest extends BrowserTest {

    private static final String RED = "rgb(207, 34, 46)";
    private static final String GREEN = "rgb(26, 127, 55)";

    @Test
    void a_global_admin_fixes_a_red_requirement_from_the_checklist_and_saves_the_evaluation_in_french()
            throws Exception {
        String partner = createPartnerThroughTheApi("Nuage Conforme " + Fixtures.unique(""), "FR");
        created(api(
                "/api/v1/partners/" + partner + "/locations",
                "application/json",
                "{\"locationId\": \"" + Fixtures.uniqueLocationId()
                        + "\", \"country\": \"FR\", \"membershipStatus\": \"ACTIVE\"}"));
        HttpResponse<String> profile =
                api("PATCH", "/api/v1/partners/" + partner + "/profile", "application/json", """
                {"supportCapability": {"firstLevelSupport": true, "contactEmail": "support@nuage.example"},
                 "billingInfrastructure": {"inPlace": true, "description": "Service comptable"},
                 "managedServices": [{"name": "Azure infogéré", "kind": "MANAGED_SERVICE"}],
                 "indirectResellerSince": "2020-01-01"}""");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        created(api("/api/v1/partners/" + partner + "/support-plans", "application/json", """
                {"type": "ASFP", "contractId": "%s", "purchasedOn": "2024-01-01", "renewsOn": "2099-12-31"}""".formatted(
                        Fixtures.unique("C"))));
        String email = Fixtures.uniqueEmail("camille");
        created(api(
                "/api/v1/partners/" + partner + "/users", "application/json", """
                {"email": "%s", "displayName": "Camille Martin", "password": "%s", "roles": ["GLOBAL_ADMIN"],
                 "locale": "en"}""".formatted(email, Fixtures.PASSWORD)));

        // Signs in, choosing French on the login page; lands on its company.
        page.navigate(url("/login?lang=fr"));
        page.getByLabel("E-mail (ou admin)").fill(email);
        page.getByLabel("Mot de passe").fill(Fixtures.PASSWORD);
        page.getByLabel("Mot de passe").press("Enter");
        assertThat(page).hasURL(Pattern.compile("/partners/" + partner + "$"));

        // The navigation leads to the checklist, which asks for the market first (France offered).
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Éligibilité"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Pour quel marché faites-vous la demande ?")))
                .isVisible();
        assertThat(page.getByLabel("Marché demandé")).hasValue("FR");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier"))
                .click();

        // The checklist in French: not eligible, the signatory red with its reason and next step.
        assertThat(page).hasURL(Pattern.compile("/partners/" + partner + "/eligibility\\?market=FR"));
        assertThat(page.locator("#outcome")).containsText("Non éligible");
        Locator signatory = page.locator("#requirement-ENDORSEMENT");
        assertThat(signatory).containsText("Non satisfaite");
        assertThat(signatory)
                .containsText("Aucun signataire n’est désigné : désignez une personne habilitée à signer les accords"
                        + " juridiques.");
        assertThat(signatory.locator(".status")).hasCSS("color", RED);
        assertThat(page.locator("#requirement-SUPPORT_CAPABILITY")).containsText("Satisfaite");
        assertThat(page.locator("#requirement-SUPPORT_CAPABILITY .status")).hasCSS("color", GREEN);
        assertThat(page.locator("#requirement-TTM_REVENUE"))
                .containsText(Pattern.compile("Le chiffre d’affaires de 0,00\\sUSD est inférieur au seuil de"
                        + " 1\\s000\\s000,00\\sUSD\\."));
        assertThat(page.locator("#requirement-BUSINESS_VETTING"))
                .containsText("L’équipe du programme l’enregistre ; vous n’avez rien à faire.");
        screenshot("eligibility-1-checklist");

        // Its next step leads to the signatory on the profile form, where the fact is declared.
        signatory
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Compléter dans le profil"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/partners/" + partner + "/profile#signatory$"));
        Locator section = page.locator("#signatory");
        section.getByLabel("Nom", new Locator.GetByLabelOptions().setExact(true))
                .fill("Camille Martin");
        section.getByLabel("E-mail", new Locator.GetByLabelOptions().setExact(true))
                .fill("camille.martin@nuage.example");
        section.getByLabel("Fonction").fill("Présidente");
        section.getByLabel("Habilité à signer les contrats au nom de la société")
                .selectOption("true");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Enregistrer").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Enregistré.");

        // Back on the checklist, the signatory is green.
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Éligibilité"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier"))
                .click();
        assertThat(signatory).containsText("Satisfaite");
        assertThat(signatory).containsText("Camille Martin est désigné comme signataire");
        assertThat(signatory.locator(".status")).hasCSS("color", GREEN);
        assertThat(signatory.getByRole(AriaRole.LINK)).hasCount(0);

        // Saved, the evaluation has its page and is listed with the past ones.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer cette évaluation"))
                .click();
        assertThat(page).hasURL(Pattern.compile("/partners/" + partner + "/evaluations/[0-9a-f-]{36}$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Évaluation enregistrée.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Évaluation enregistrée au");
        assertThat(page.locator("#requirement-ENDORSEMENT")).containsText("Satisfaite");
        String evaluation = page.url().substring(page.url().lastIndexOf('/') + 1);
        screenshot("eligibility-2-saved");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Toutes les évaluations du partenaire"))
                .click();
        Locator history = page.locator("#history");
        assertThat(history.locator("tbody tr")).hasCount(1);
        assertThat(history.locator("tbody tr")).containsText("csp-direct-fy26");
        assertThat(history.locator("tbody tr")).containsText("France (FR)");
        assertThat(history.locator("tbody tr")).containsText("Non éligible");
        assertThat(history.locator("tbody tr")).containsText(email);
        assertThat(history.locator("a[href$='/evaluations/" + evaluation + "']"))
                .hasCount(1);

        assertThat(unexpectedBrowserErrors())
                .as("errors reported by the browser")
                .isEmpty();
    }

    @Test
    void a_program_admin_reads_the_policies_compares_two_and_opens_the_publish_form_in_french() throws Exception {
        page.navigate(url("/login?lang=fr"));
        page.getByLabel("E-mail (ou admin)").fill(Fixtures.ADMIN);
        page.getByLabel("Mot de passe").fill(Fixtures.ADMIN_PASSWORD);
        page.getByLabel("Mot de passe").press("Enter");
        assertThat(page).hasURL(Pattern.compile("/partners"));

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Navigation principale"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Politiques"))
                .click();
        assertThat(page.locator("#policy-csp-direct-fy26")).containsText("En vigueur aujourd’hui");
        screenshot("policies-1-list");

        page.locator("#policy-csp-direct-fy26")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Ce qui a changé")))
                .click();
        assertThat(page).hasURL(Pattern.compile("/policies/compare\\?left=csp-direct-2021&right=csp-direct-fy26$"));
        assertThat(page.locator("#change-TTM_REVENUE")).containsText("Paramètres modifiés");
        assertThat(page.locator("#change-TTM_REVENUE ins")).containsText(Pattern.compile("1\\s000\\s000 USD"));
        assertThat(page.locator("#change-BUSINESS_VETTING")).containsText("Ajoutée");
        screenshot("policies-2-compare");

        page.navigate(url("/policies/new"));
        assertThat(page.getByLabel("Seuil (USD)")).hasValue("1000000");
        expectRefusal(url("/policies")); // the form comes back with its mistakes: a 400 the test asks for
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Publier").setExact(true))
                .click();
        // Nothing typed for the id and the date: both said next to their field.
        assertThat(page.locator("#id-error")).hasText("Obligatoire.");
        assertThat(page.locator("#effectiveFrom-error")).hasText("Obligatoire.");
        screenshot("policies-3-publish-errors");

        assertThat(unexpectedBrowserErrors())
                .as("errors reported by the browser")
                .isEmpty();
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
