package org.directbill.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.regex.Pattern;
import org.directbill.compliance.CompliancePartners;
import org.directbill.enrollment.EnrollmentScenario;
import org.directbill.enrollment.EnrollmentTime;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The compliance board in real browsers, on 2023-06-14 under csp-direct-2021: a program admin runs
 * compliance and finds on the board a partner at risk (its signatory gone) with its cure deadline and
 * a partner restricted by hand with its suspension and revocation dates; opens the restricted one's
 * status page and reinstates it with a reason, after being told the reason is required. Meanwhile
 * the restricted partner's Global admin sees the banner on its pages, and no longer once reinstated;
 * the at-risk partner's Global admin, in French, reads its deadline. The partners are made through
 * the API first.
 */
@AutoConfigureMockMvc
@Import(EnrollmentTime.class)
class ComplianceBrowserTest extends BrowserTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void onTheStartDate() {
        clock.set(EnrollmentTime.START);
    }

    @AfterEach
    void clockBack() {
        clock.set(EnrollmentTime.START);
    }

    @Test
    void a_program_admin_finds_partners_on_the_board_and_reinstates_one_whose_users_then_lose_the_banner()
            throws Exception {
        CompliancePartners partners = new CompliancePartners(mvc, jdbc, rollups, clock);
        EnrollmentScenario atRisk = partners.atRisk("2023-06-14");
        EnrollmentScenario restricted = partners.restricted("Invoices unpaid for 90 days");
        String programAdmin =
                new Fixtures(mvc).addStaff("PROGRAM_ADMIN").get("email").asString();

        // The restricted partner's Global admin lands on its company page, under the banner.
        Page owner = anotherPersonsBrowser();
        signIn(owner, restricted.globalAdmin, "en");
        Locator banner = owner.locator("#direct-bill-banner");
        assertThat(banner).containsText("Direct-bill capabilities restricted.");
        assertThat(banner)
                .containsText("Since 2023-06-14: no new purchases, customers, reseller relationships or sandboxes");
        assertThat(banner).containsText("Suspension on 2023-07-14 unless reinstated.");
        assertThat(owner.locator("#direct-bill-status")).containsText("Restricted");
        screenshot(owner, "compliance-1-partner-banner");
        banner.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("See why and what comes next"))
                .click();
        assertThat(owner).hasURL(Pattern.compile("/partners/" + restricted.partner + "/status$"));
        assertThat(owner.locator("#status")).hasText("Restricted");
        assertThat(owner.locator("#blocked")).containsText("New Azure subscriptions");
        assertThat(owner.locator("#allowed")).containsText("Renewing existing subscriptions");
        assertThat(owner.locator("#why")).containsText("The program team’s reason: Invoices unpaid for 90 days");
        assertThat(owner.locator("#next"))
                .containsText("Suspension on 2023-07-14, unless reinstated by the program team.");
        assertThat(owner.locator("#status-actions")).hasCount(0);
        screenshot(owner, "compliance-2-partner-status");

        // The at-risk partner's Global admin, in French, is told its deadline.
        Page atRiskOwner = anotherPersonsBrowser();
        signIn(atRiskOwner, atRisk.globalAdmin, "fr");
        assertThat(atRiskOwner.locator("#direct-bill-banner")).containsText("Statut en facturation directe à risque.");
        assertThat(atRiskOwner.locator("#direct-bill-banner")).containsText("d’ici le 2023-07-14 (30 jours restants)");
        screenshot(atRiskOwner, "compliance-3-at-risk-banner-fr");

        // The program admin runs compliance for today, then reads the board.
        Page admin = page;
        signIn(admin, programAdmin, "en");
        mainNav(admin, "Compliance").click();
        assertThat(admin.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Compliance").setLevel(1)))
                .isVisible();
        assertThat(admin.getByLabel("As of")).hasValue("2023-06-14");
        clock.advance(Duration.ofMinutes(1));
        button(admin, "Run compliance").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Compliance ran as of 2023-06-14.");
        assertThat(admin.locator("#run-result")).containsText("What the run as of 2023-06-14 did");
        Locator atRiskLine = admin.locator("#at-risk-" + atRisk.partner);
        assertThat(atRiskLine).containsText(atRisk.name);
        assertThat(atRiskLine).containsText("2023-07-14");
        assertThat(atRiskLine).containsText("30 days left");
        assertThat(atRiskLine).containsText("Signatory with authority to sign (France)");
        Locator restrictedLine = admin.locator("#restricted-" + restricted.partner);
        assertThat(restrictedLine).containsText(restricted.name);
        assertThat(restrictedLine).containsText("2023-07-14");
        assertThat(restrictedLine).containsText("2023-08-13");
        assertThat(restrictedLine).containsText("The program team’s reason: Invoices unpaid for 90 days");
        screenshot(admin, "compliance-4-board");

        // It opens the restricted partner's status page and reinstates it: a reason first.
        restrictedLine
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(restricted.name))
                .click();
        assertThat(admin).hasURL(Pattern.compile("/partners/" + restricted.partner + "/status$"));
        assertThat(admin.locator("#status")).hasText("Restricted");
        assertThat(admin.locator("#restrict-form")).hasCount(0);
        screenshot(admin, "compliance-5-status-admin");
        expectRefusal(url("/partners/" + restricted.partner + "/status-actions"));
        button(admin, "Reinstate").click();
        assertThat(admin.locator("#reinstate-reason-error")).hasText("Required.");
        screenshot(admin, "compliance-6-reason-required");
        admin.locator("#reinstate-reason").fill("Invoices paid in full on 2023-06-14.");
        clock.advance(Duration.ofMinutes(1));
        button(admin, "Reinstate").click();
        assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Reinstated: the partner is notified. Status: Active.");
        assertThat(admin.locator("#status")).hasText("Active");
        assertThat(admin.locator("#history")).containsText("Reinstated by the program team");
        assertThat(admin.locator("#history")).containsText("Invoices paid in full on 2023-06-14.");
        assertThat(admin.locator("#restrict-form")).isVisible();
        screenshot(admin, "compliance-7-reinstated");

        // The partner's pages no longer carry the banner.
        owner.navigate(url("/partners/" + restricted.partner));
        assertThat(owner.locator("#direct-bill-status")).containsText("Active");
        assertThat(owner.locator("#direct-bill-banner")).hasCount(0);
        screenshot(owner, "compliance-8-partner-without-banner");

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
