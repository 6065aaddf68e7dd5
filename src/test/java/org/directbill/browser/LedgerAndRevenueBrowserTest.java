package org.directbill.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.directbill.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A program admin uploads a sales ledger in a real browser (in French), follows its job to the end
 * with its progress bar, then reads the partner's revenue: the TTM figure and the bar chart of its
 * twelve months, drawn from the lines just imported.
 */
class LedgerAndRevenueBrowserTest extends BrowserTest {

    /** 2,400 lines, 200 a month over the window of 2020-09-09 (2019-09 … 2020-08), in US dollars. */
    private static String ledger(String location, String prefix) {
        List<String> lines = new ArrayList<>();
        lines.add("line_id,invoice_id,location_id,customer_id,product_category,billing_date,paid_date,amount,"
                + "currency");
        for (int month = 0; month < 12; month++) {
            String yearMonth = month < 4 ? "2019-%02d".formatted(9 + month) : "2020-%02d".formatted(month - 3);
            String billing = yearMonth + "-15";
            for (int i = 0; i < 200; i++) {
                lines.add(String.join(
                        ",",
                        prefix + "-" + month + "-" + i,
                        prefix + "-INV-" + month,
                        location,
                        "CUST-" + i % 17,
                        "AZURE_CONSUMPTION",
                        billing,
                        yearMonth + "-28",
                        // 100 × (month + 1) dollars a month, and one credit a month
                        i == 0 ? "-1.00" : "%d.%02d".formatted((month + 1) / 2, (month + 1) % 2 * 50 + 1),
                        "USD"));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void an_admin_uploads_a_ledger_follows_its_progress_and_reads_the_revenue_chart_in_french() throws Exception {
        String name = "Nuage Ventes " + Fixtures.unique("");
        String partner = createPartnerThroughTheApi(name, "FR");
        String location = Fixtures.uniqueLocationId();
        HttpResponse<String> added = api(
                "/api/v1/partners/" + partner + "/locations",
                "application/json",
                "{\"locationId\": \"" + location + "\", \"country\": \"FR\", \"membershipStatus\": \"ACTIVE\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        page.navigate(url("/login?lang=fr"));
        page.getByLabel("E-mail (ou admin)").fill(Fixtures.ADMIN);
        page.getByLabel("Mot de passe").fill(Fixtures.ADMIN_PASSWORD);
        page.getByLabel("Mot de passe").press("Enter");
        assertThat(page).hasURL(Pattern.compile("/partners"));

        // The upload page, reached from the navigation: a ledger file, chosen like a person would.
        page.navigate(url("/ledger/imports/new?lang=fr"));
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Importer un fichier de ventes ou de paiements")))
                .isVisible();
        page.locator("#import-kind-ledger").check();
        page.locator("#import-file")
                .setInputFiles(new FilePayload(
                        "ventes.csv",
                        "text/csv",
                        ledger(location, Fixtures.unique("B")).getBytes(StandardCharsets.UTF_8)));
        screenshot("ledger-1-upload");
        page.locator("#import-form")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Importer"))
                .click();

        // The job page: a progress bar that the page updates by itself until the job has ended.
        assertThat(page).hasURL(Pattern.compile("/ledger/imports/[0-9a-f-]{36}$"));
        Locator progress = page.locator("#import-progress");
        assertThat(progress).isVisible();
        assertThat(page.locator("#import-status"))
                .hasText(
                        "Réussi",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(progress).hasAttribute("value", "100");
        assertThat(page.locator("#import-job")).containsText("2 400");
        screenshot("ledger-2-job");

        // The partner's revenue as of 2020-09-09: twelve bars, and the total of the lines imported.
        page.navigate(url("/partners/" + partner + "/revenue?asOf=2020-09-09&lang=fr"));
        Locator chart = page.locator("svg.bars");
        assertThat(chart).isVisible();
        assertThat(chart.locator("g.bar")).hasCount(12);
        assertThat(chart).hasAttribute("role", "img");
        assertThat(chart.locator("g.bar").first().locator("title")).hasText(Pattern.compile("2019.*USD"));
        // Month m (0 … 11) has 199 lines of ((m + 1) / 2 dollars and (m + 1) % 2 × 50 + 1 cents), less 1.00.
        long cents = 0;
        for (int month = 0; month < 12; month++) {
            cents += 199L * ((month + 1) / 2 * 100 + (month + 1) % 2 * 50 + 1) - 100;
        }
        String total = String.format(java.util.Locale.FRANCE, "%,.2f", cents / 100.0)
                .replace('\u202f', ' ')
                .replace('\u00a0', ' ');
        assertThat(page.locator("#ttm-total")).containsText(Pattern.compile(total.replace(" ", "\\s")));
        screenshot("ledger-3-revenue");

        assertThat(unexpectedBrowserErrors())
                .as("errors reported by the browser")
                .isEmpty();
    }
}
