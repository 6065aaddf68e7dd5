package org.directbill.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.directbill.enrollment.EnrollmentScenario;
import org.directbill.enrollment.EnrollmentTime;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole enrollment in real browsers, by the three people it takes, on 2023-06-14 under
 * csp-direct-2021: the partner's Global admin applies in France and submits; a reviewer finds it in
 * the queue, confirms the checklist and verifies the company; meanwhile the partner's page says why
 * its support plan must wait; a credit analyst, in French, approves a credit limit; the Global
 * admin records its support plan, reads and accepts the agreement, and is a direct-bill partner.
 * The partner (its facts, revenue and users) is made through the API first.
 */
@AutoConfigureMockMvc
@Import(EnrollmentTime.class)
class EnrollmentBrowserTest extends BrowserTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Test
    void a_global_admin_a_reviewer_and_a_credit_analyst_take_an_enrollment_from_draft_to_active() throws Exception {
        EnrollmentScenario s = new EnrollmentScenario(mvc, jdbc, rollups);
        String partnerName = s.name;

        // The Global admin applies in France from its enrollments: the draft shows nothing in the way.
        Page admin = page;
        signIn(admin, s.globalAdmin, "en");
        mainNav(admin, "Enrollments").click();
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Direct-bill enrollments")))
                .isVisible();
        assertThat(admin.getByLabel("Market", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("FR");
        button(admin, "Apply in this market").click();
        assertThat(admin).hasURL(Pattern.compile("/enrollments/[0-9a-f-]{36}$"));
        String enrollment = admin.url().substring(admin.url().lastIndexOf('/') + 1);
        assertThat(admin.getByRole(AriaRole.STATUS))
                .hasText("Your application in France is a draft: check the requirements below, then submit it.");
        assertThat(admin.locator("#status")).hasText("Draft");
        assertThat(admin.locator("#outcome")).isVisible();
        assertThat(admin.locator("#nothing-blocks")).containsText("Nothing stops the submission");
        assertThat(admin.locator("#requirement-LOCATION_ID")).containsText("Met");
        screenshot(admin, "enrollment-1-draft");
        button(admin, "Submit the enrollment in France").click();
        assertThat(admin.locator("#status")).hasText("In review");
        assertThat(admin.locator("#next-step")).containsText("Operations are verifying your company");
        assertThat(admin.locator("#timeline")).containsText("Submitted");
        screenshot(admin, "enrollment-2-submitted");

        // A reviewer works the queue: the application, its checklist, the decision.
        Page reviewer = anotherPersonsBrowser();
        signIn(reviewer, s.reviewer, "en");
        mainNav(reviewer, "Enrollments").click();
        Locator line = reviewer.locator("#queue-" + enrollment);
        assertThat(line).containsText(partnerName);
        assertThat(line).containsText("In review");
        assertThat(line).containsText("2023-06-21");
        assertThat(line).containsText("5 business days left");
        screenshot(reviewer, "enrollment-3-queue");
        line.getByRole(AriaRole.LINK).click();
        assertThat(reviewer).hasURL(Pattern.compile("/enrollments/" + enrollment + "$"));
        for (String item : new String[] {
            "Legal name and address", "Registration ID", "Email ownership", "Employment of the primary contact"
        }) {
            reviewer.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName(Pattern.compile("^Confirm\\s?: " + item + "$")))
                    .click();
            assertThat(reviewer.getByRole(AriaRole.STATUS)).hasText(item + ": Confirmed.");
        }
        assertThat(reviewer.locator("#item-REGISTRATION_ID")).containsText("Confirmed");
        screenshot(reviewer, "enrollment-4-review");
        reviewer.locator("#verify-note").fill("Register extract and contact checked.");
        button(reviewer, "Mark the company verified").click();
        assertThat(reviewer.getByRole(AriaRole.STATUS))
                .hasText("The company is verified: the credit check has started.");
        assertThat(reviewer.locator("#status")).hasText("Credit check");
        assertThat(reviewer.locator("#approve-form")).hasCount(0);

        // Meanwhile the partner is told, on its enrollment and on its company page, not to buy its plan yet.
        admin.reload();
        assertThat(admin.locator("#support-plan-warning"))
                .containsText("Do NOT buy your support plan now: it would be refused.");
        admin.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(partnerName).setExact(true))
                .first()
                .click();
        Locator waiting = admin.locator("#support-plan-waiting");
        assertThat(waiting)
                .containsText("Your enrollment in France (FR), submitted on 2023-06-14, is in its credit check");
        assertThat(waiting.getByRole(
                        AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the support plan")))
                .isDisabled();
        waiting.scrollIntoViewIfNeeded();
        screenshot(admin, "enrollment-5-support-plan-waits");

        // A credit analyst, in French, approves a credit limit (a mistake first, said next to the field).
        Page analyst = anotherPersonsBrowser();
        signIn(analyst, s.analyst, "fr");
        mainNav(analyst, "Inscriptions").click();
        Locator toDecide = analyst.locator("#queue-" + enrollment);
        assertThat(toDecide).containsText("Vérification de crédit");
        assertThat(toDecide).containsText("5 jours ouvrés restants");
        toDecide.getByRole(AriaRole.LINK).click();
        analyst.getByLabel("Limite de crédit (USD)").fill("250 000");
        expectRefusal(url("/enrollments/" + enrollment + "/credit-decision"));
        button(analyst, "Approuver le crédit").click();
        assertThat(analyst.locator("#creditLimitUsd-error")).containsText("250 000");
        analyst.getByLabel("Limite de crédit (USD)").fill("250000.00");
        button(analyst, "Approuver le crédit").click();
        assertThat(analyst.getByRole(AriaRole.STATUS))
                .hasText(
                        Pattern.compile(
                                "^Crédit approuvé avec une limite de 250\\s000,00\\sUSD : le partenaire en est informé par e-mail\\.$"));
        assertThat(analyst.locator("#status")).hasText("Crédit approuvé");
        assertThat(analyst.locator("#facts")).containsText(Pattern.compile("250\\s000,00\\sUSD"));
        assertThat(analyst.locator("#timeline")).containsText("Société vérifiée : place à la vérification de crédit");
        screenshot(analyst, "enrollment-6-credit-approved-fr");

        // The Global admin: two steps left. The support plan first, on the company page.
        admin.navigate(url("/enrollments/" + enrollment));
        assertThat(admin.locator("#next-step")).containsText("Your credit check passed: two steps left");
        assertThat(admin.locator("#step-support-plan")).containsText("To do");
        screenshot(admin, "enrollment-7-two-steps");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record it on your company page"))
                .click();
        assertThat(admin.locator("#support-plan-waiting")).hasCount(0);
        Locator form = admin.locator("#support-plan-form");
        form.getByLabel("Plan").selectOption("ASFP");
        form.getByLabel("Contract").fill(Fixtures.unique("ASFP-"));
        form.getByLabel("Purchased on").fill("2023-06-14");
        form.getByLabel("Renews on").fill("2024-06-13");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the support plan"))
                .click();
        assertThat(admin.getByRole(AriaRole.STATUS)).containsText("recorded.");

        // Then the agreement, read in full and accepted on behalf of the company.
        mainNav(admin, "Enrollments").click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("France (FR)"))
                .click();
        assertThat(admin.locator("#step-support-plan")).containsText("Done");
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read and accept the agreement"))
                .click();
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Direct-bill partner agreement");
        assertThat(admin.locator("#agreement-text")).containsText("1. Purpose.");
        screenshot(admin, "enrollment-8-agreement");
        admin.getByLabel("I accept this agreement on behalf of " + partnerName).check();
        button(admin, "Accept the agreement").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText("You are now a direct-bill partner in France.");
        assertThat(admin.locator("#status")).hasText("Active");
        assertThat(admin.locator("#next-step")).containsText("You are a direct-bill partner in France");
        assertThat(admin.locator("#timeline")).containsText("Agreement accepted: direct-bill partner");
        assertThat(admin.locator("#timeline")).containsText(Pattern.compile("Agreement version [0-9-]+\\."));
        screenshot(admin, "enrollment-9-active");

        assertThat(unexpectedBrowserErrors())
                .as("errors reported by the browser")
                .isEmpty();
    }

    private void signIn(Page browser, String email, String language) {
        browser.navigate(url("/login?lang=" + language));
        browser.getByLabel("fr".equals(language) ? "E-mail (ou admin)" : "Email (or admin)")
                .fill(email);
        Locator password = browser.getByLabel("fr".equals(language) ? "Mot de passe" : "Password");
        password.fill(Fixtures.PASSWORD);
        password.press("Enter");
        browser.waitForURL(Pattern.compile("^(?!.*/login).*$"));
    }

    private static Locator mainNav(Page browser, String link) {
        return browser.getByRole(
                        AriaRole.NAVIGATION,
                        new Page.GetByRoleOptions()
                                .setName(Pattern.compile("^(Main navigation|Navigation principale)$")))
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(link).setExact(true));
    }

    private static Locator button(Page browser, String name) {
        return browser.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
