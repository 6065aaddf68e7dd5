package org.directbill.revenue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.directbill.revenue.RevenueScenario;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * The revenue page as a person meets it, in English and in French: the total against the threshold,
 * the bars of the months and the same figures in a table, the locations and their download, what
 * was left out and why, the missing rates, the verification, and who may see it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevenuePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    RevenueScenario scenario;
    Fixtures fixtures;
    String y;
    String before;

    @BeforeAll
    void createTheLedger() throws Exception {
        fixtures = new Fixtures(mvc);
        scenario = RevenueScenario.create(mvc, jdbc, rollups, Fixtures.unique("Revenue Pages"));
        y = String.valueOf(scenario.year);
        before = scenario.previousYear;
    }

    private String revenuePage(MockHttpSession session, String query) throws Exception {
        return page(get("/partners/" + scenario.partnerId + "/revenue" + query).session(session));
    }

    @Test
    void the_page_shows_the_total_against_the_threshold_and_why_it_is_pending() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String html = revenuePage(session, "?asOf=" + scenario.asOf);
        String text = visibleText(html);

        assertThat(text)
                .contains("Trailing-twelve-month revenue")
                .contains("From September " + before + " to August " + y + ", as of " + scenario.asOf
                        + ", under the policy csp-direct-fy26.")
                .contains("Revenue 1,826.27 USD", "Threshold 1,000,000.00 USD", "Requirement Pending")
                .contains("1 line(s) that would count have no usable exchange rate yet, so the revenue of 1,826.27"
                        + " USD is incomplete")
                .contains("Counted as cloud revenue: Azure consumption, Azure reservations, License subscriptions,"
                        + " Marketplace SaaS.");
        assertThat(html).contains("id=\"asOf\"", "type=\"date\"", "value=\"" + scenario.asOf + "\"");
        // Strict CSP: no inline style anywhere, the chart included.
        assertThat(html).doesNotContain(" style=", "<style");
    }

    @Test
    void the_months_are_drawn_as_twelve_bars_with_their_amounts_and_given_again_in_a_table() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String html = revenuePage(session, "?asOf=" + scenario.asOf);

        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(svg)
                .contains("role=\"img\"")
                .contains("aria-label=\"Revenue per month in US dollars, from September " + before + " to August " + y
                        + ". The table below gives the same figures.\"");
        assertThat(count(svg, "<rect")).isEqualTo(12);
        assertThat(count(svg, "<title>")).isEqualTo(12);
        assertThat(svg)
                .contains("<title>October " + before + ": 1,606.25 USD</title>")
                .contains("<title>February " + y + ": -300.00 USD</title>")
                .contains("<title>March " + y + ": 10.00 USD</title>")
                .contains(">1.6K</text>", ">-300</text>", ">Oct</text>", ">" + y + "</text>");

        // The month of net credits falls below the zero line: its bar starts on the line; the others end on it.
        double zero = number(svg, "<line class=\"axis\"[^>]*y1=\"([0-9.]+)\"");
        String october = bar(svg, "October " + before);
        String february = bar(svg, "February " + y);
        assertThat(february).contains("class=\"bar negative\"");
        assertThat(number(february, "<rect[^>]* y=\"([0-9.]+)\"")).isEqualTo(zero);
        assertThat(number(october, "<rect[^>]* y=\"([0-9.]+)\"") + number(october, "<rect[^>]* height=\"([0-9.]+)\""))
                .isCloseTo(zero, org.assertj.core.data.Offset.offset(0.11));
        assertThat(number(october, "<rect[^>]* height=\"([0-9.]+)\""))
                .isGreaterThan(number(february, "<rect[^>]* height=\"([0-9.]+)\""));

        String table = visibleText(html.substring(html.indexOf("</svg>")));
        assertThat(table)
                .contains("Month Amount (USD)")
                .contains("September " + before + " 0.00 October " + before + " 1,606.25")
                .contains("February " + y + " -300.00 March " + y + " 10.00 April " + y + " 10.02 May " + y + " 500.00")
                .contains("Total 1,826.27");
    }

    @Test
    void a_partner_without_sales_sees_twelve_flat_bars_on_the_zero_line_and_no_location() throws Exception {
        String partner = fixtures.createPartner(Fixtures.unique("Quiet"));
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String html =
                page(get("/partners/" + partner + "/revenue?asOf=2031-05-20").session(session));

        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(count(svg, "height=\"0\"")).isEqualTo(12);
        assertThat(count(svg, ">0</text>")).isEqualTo(12);
        assertThat(visibleText(html))
                .contains("Revenue 0.00 USD", "Requirement Not met")
                .contains("The revenue of 0.00 USD is below the threshold of 1,000,000.00 USD.")
                .contains("This partner has no location yet.")
                .contains("Every line billed in the window has an exchange rate.");
    }

    @Test
    void the_locations_exclusions_missing_rates_and_verification_are_listed() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String html = revenuePage(session, "?asOf=" + scenario.asOf);
        String text = visibleText(html);

        assertThat(text)
                .contains(scenario.locationA + " FR Active 1,745.02")
                .contains(scenario.locationB + " DE Suspended 81.25")
                .contains(scenario.locationC + " BE Pending 0.00")
                .contains("Not cloud revenue Categories the policy does not count: Software subscriptions,"
                        + " Perpetual software. 1 625.00")
                .contains("Rejected in verification A reviewer rejected these sales when verifying them. 1 10.00")
                .contains("Not paid No payment recorded on or before " + scenario.asOf + ". 2 150.00")
                .contains("Missing exchange rates")
                .contains("1 of them would count. Currency Billing date CHF " + before + "-10-03")
                .contains("Under verification 1 Verified 1 Rejected 1 Counted revenue still under verification"
                        + " 400.00 USD");
        String download = "/partners/" + scenario.partnerId + "/revenue/by-location?asOf=" + scenario.asOf;
        assertThat(html)
                .contains("href=\"" + download + "&amp;format=csv\"")
                .contains("href=\"" + download + "&amp;format=tsv\"");
    }

    @Test
    void the_download_links_of_the_page_give_the_csv_and_the_tsv() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String path = "/partners/" + scenario.partnerId + "/revenue/by-location?asOf=" + scenario.asOf;

        MockHttpServletResponse csv = mvc.perform(get(path + "&format=csv").session(session))
                .andReturn()
                .getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment; filename=");
        assertThat(csv.getContentAsString())
                .startsWith("location_id,amount_usd,country,membership_status\r\n")
                .contains(scenario.locationA + ",1745.02,FR,ACTIVE\r\n");

        MockHttpServletResponse tsv = mvc.perform(get(path + "&format=tsv").session(session))
                .andReturn()
                .getResponse();
        assertThat(tsv.getContentType()).startsWith("text/tab-separated-values");
        assertThat(tsv.getContentAsString()).contains(scenario.locationB + "\t81.25\tDE\tSUSPENDED\n");

        mvc.perform(get(path + "&format=pdf").session(session)).andExpect(status().isBadRequest());
    }

    @Test
    void in_french_the_figures_use_french_separators_and_the_texts_are_french() throws Exception {
        String billing = fixtures.addPartnerUser(scenario.partnerId, "BILLING_ADMIN");
        MockHttpSession session = signIn(billing, Fixtures.PASSWORD);
        String html = revenuePage(session, "?asOf=" + scenario.asOf + "&lang=fr");
        String text = visibleText(html).replace('\u202f', ' ').replace('\u00a0', ' ');

        assertThat(html).contains("<html lang=\"fr\"");
        assertThat(text)
                .contains("Chiffre d’affaires sur douze mois glissants")
                .contains("De septembre " + before + " à août " + y + ", au " + scenario.asOf
                        + ", selon la politique csp-direct-fy26.")
                .contains("Chiffre d’affaires 1 826,27 USD", "Seuil 1 000 000,00 USD", "Exigence En attente")
                .contains("1 ligne(s) qui compteraient n’ont pas encore de taux de change utilisable")
                .contains("octobre " + before + " 1 606,25", "février " + y + " -300,00")
                .contains("Hors cloud Catégories que la politique ne compte pas : Abonnements logiciels, Logiciels"
                        + " perpétuels. 1 625,00")
                .contains("Non payé Aucun paiement enregistré au plus tard le " + scenario.asOf + ". 2 150,00")
                .contains(scenario.locationB + " DE Suspendue 81,25")
                .doesNotContain("Threshold", "Per month", "Not paid");
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"))
                .replace('\u202f', ' ')
                .replace('\u00a0', ' ');
        assertThat(svg)
                .contains("aria-label=\"Chiffre d’affaires par mois en dollars américains, de septembre " + before)
                .contains("<title>octobre " + before + " : 1 606,25 USD</title>")
                .contains(">1,6 k</text>");
    }

    @Test
    void the_partner_page_links_the_revenue_for_those_who_may_see_it_only() throws Exception {
        String partnerPage = "/partners/" + scenario.partnerId;
        String link = "href=\"" + partnerPage + "/revenue\"";

        assertThat(page(get(partnerPage).session(signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD))))
                .contains(link);
        String billing = fixtures.addPartnerUser(scenario.partnerId, "BILLING_ADMIN");
        MockHttpSession billingSession = signIn(billing, Fixtures.PASSWORD);
        // "My company" is the partner's own page.
        mvc.perform(get("/my-company").session(billingSession))
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(partnerPage));
        assertThat(page(get(partnerPage).session(billingSession))).contains(link);
        assertThat(visibleText(revenuePage(billingSession, ""))).contains("Trailing-twelve-month revenue");

        String viewer = fixtures.addPartnerUser(scenario.partnerId, "REPORT_VIEWER");
        MockHttpSession viewerSession = signIn(viewer, Fixtures.PASSWORD);
        assertThat(page(get(partnerPage).session(viewerSession))).doesNotContain(link);
        mvc.perform(get(partnerPage + "/revenue").session(viewerSession)).andExpect(status().isForbidden());
        mvc.perform(get(partnerPage + "/revenue/by-location").session(viewerSession))
                .andExpect(status().isForbidden());

        String stranger = fixtures.addPartnerUser(fixtures.createPartner(Fixtures.unique("Stranger")), "GLOBAL_ADMIN");
        mvc.perform(get(partnerPage + "/revenue").session(signIn(stranger, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_date_that_is_not_one_is_said_next_to_the_field_and_shows_no_figures() throws Exception {
        MockHttpSession session = signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String html = mvc.perform(get("/partners/" + scenario.partnerId + "/revenue?asOf=2020-13-01")
                        .session(session))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(visibleText(html))
                .contains("2020-13-01 is not a date: YYYY-MM-DD is expected")
                .doesNotContain("Per month");
        assertThat(html).contains("aria-invalid=\"true\"");
    }

    // ---------------------------------------------------------------------------------------------

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static double number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    /** The markup of the bar whose title starts with this month. */
    private static String bar(String svg, String month) {
        int title = svg.indexOf("<title>" + month);
        int start = svg.lastIndexOf("<g", title);
        return svg.substring(start, svg.indexOf("</g>", title));
    }

    private String page(RequestBuilder request) throws Exception {
        return new Pages(mvc).page(request);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return new Pages(mvc).signIn(username, password);
    }

    private static String visibleText(String html) {
        return Pages.visibleText(html);
    }
}
