package org.directbill.revenue;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One partner's ledger with every case of the TTM rules, in a year no other test uses: two
 * locations that sell (one suspended, whose sales still count) and one that does not, lines in
 * EUR, USD, JPY and GBP, a refund, a month of net credits, a category not counted, a line paid
 * after the as-of date, an unpaid one, a rejected one, one with no exchange rate, sales under
 * verification, half-cent sums, and lines billed just outside the window.
 *
 * <p>As of {@code Y-09-09} the window is {@code (Y-1)-09 … Y-08}, and the figures are:
 *
 * <pre>
 * (Y-1)-10   1606.25   1000 EUR, 200 USD, 15000 JPY, 100 GBP, -100 EUR (a refund)
 * Y-02       -300.00   a credit
 * Y-03         10.00   10.0050 USD, rounded half-even
 * Y-04         10.02   10.0150 USD, rounded half-even
 * Y-05        500.00   400 USD under verification, 100 USD verified
 * total      1826.27   location A 1745.02, location B 81.25, location C 0.00
 * excluded   CATEGORY 1 line 625.00, REJECTED 1 line 10.00, UNPAID 2 lines 150.00
 * missing    CHF on (Y-1)-10-03: the requirement is PENDING
 * </pre>
 *
 * Rates, published on {@code (Y-1)-10-01}: 1.25 USD, 150 JPY and 0.8 GBP per EUR.
 */
public final class RevenueScenario {

    public final int year;
    public final String partnerId;
    public final String locationA;
    public final String locationB;
    public final String locationC;
    public final String asOf;
    public final String previousYear;

    private RevenueScenario(int year, String partnerId, String locationA, String locationB, String locationC) {
        this.year = year;
        this.partnerId = partnerId;
        this.locationA = locationA;
        this.locationB = locationB;
        this.locationC = locationC;
        this.asOf = year + "-09-09";
        this.previousYear = String.valueOf(year - 1);
    }

    public static RevenueScenario create(MockMvc mvc, JdbcClient jdbc, LedgerRollups rollups, String name)
            throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        int year = FxFiles.unusedYear();
        String partner = fixtures.createPartner(name);
        String a = fixtures.addLocation(partner, "FR", "ACTIVE");
        String b = fixtures.addLocation(partner, "DE", "SUSPENDED");
        String c = fixtures.addLocation(partner, "BE", "PENDING");
        RevenueScenario scenario = new RevenueScenario(year, partner, a, b, c);
        String before = scenario.previousYear;

        mvc.perform(post("/api/v1/fx-rates")
                        .with(Fixtures.admin())
                        .contentType("text/csv")
                        .content("Date,USD,JPY,GBP,\n" + before + "-10-01,1.25,150,0.8,\n"))
                .andExpect(status().isOk());

        new TestLedger(jdbc, rollups)
                .line(a, "AZURE_CONSUMPTION", before + "-10-03", before + "-11-01", "1000.00", "EUR")
                .line(a, "LICENSE_SUBSCRIPTION", before + "-10-05", before + "-11-01", "200.00", "USD")
                .line(b, "MARKETPLACE_SAAS", before + "-10-04", before + "-11-01", "15000", "JPY")
                .line(b, "AZURE_RESERVATION", before + "-10-06", before + "-11-01", "100", "GBP")
                .line(a, "AZURE_CONSUMPTION", before + "-10-07", before + "-11-01", "-100.00", "EUR")
                .line(a, "PERPETUAL_SOFTWARE", before + "-10-03", before + "-11-01", "500", "EUR")
                .line(b, "AZURE_CONSUMPTION", before + "-10-03", year + "-09-10", "80", "EUR")
                .line(a, "AZURE_CONSUMPTION", before + "-10-03", null, "40", "EUR")
                .line(a, "AZURE_CONSUMPTION", before + "-10-03", before + "-11-01", "8", "EUR", "REJECTED")
                .line(a, "AZURE_CONSUMPTION", before + "-10-03", before + "-11-01", "999", "CHF")
                .line(b, "AZURE_CONSUMPTION", year + "-02-14", year + "-02-20", "-300", "USD")
                .line(a, "AZURE_CONSUMPTION", year + "-03-10", year + "-03-20", "10.0050", "USD")
                .line(a, "AZURE_CONSUMPTION", year + "-04-10", year + "-04-20", "10.0150", "USD")
                .line(a, "AZURE_CONSUMPTION", year + "-05-10", year + "-05-20", "400", "USD", "OPEN")
                .line(b, "AZURE_CONSUMPTION", year + "-05-11", year + "-05-20", "100", "USD", "VERIFIED")
                .line(a, "AZURE_CONSUMPTION", before + "-08-31", before + "-09-01", "7777", "USD")
                .line(a, "AZURE_CONSUMPTION", year + "-09-01", year + "-09-02", "8888", "USD")
                .rollUp();
        return scenario;
    }
}
