package org.directbill.revenue.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.directbill.revenue.RevenueScenario;
import org.directbill.revenue.TestLedger;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/partners/{id}/revenue} and its file per location, on H2 and PostgreSQL: the
 * figures of {@link RevenueScenario} read back from the rollups, the shape of api.md to the field,
 * and who may ask.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevenueApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    RevenueScenario scenario;
    Fixtures fixtures;

    @BeforeAll
    void createTheLedger() throws Exception {
        fixtures = new Fixtures(mvc);
        scenario = RevenueScenario.create(mvc, jdbc, rollups, Fixtures.unique("Revenue Api"));
    }

    private ResultActions revenue(String query) throws Exception {
        return mvc.perform(
                get("/api/v1/partners/{id}/revenue" + query, scenario.partnerId).with(admin()));
    }

    @Test
    void the_revenue_has_exactly_the_fields_of_api_md_and_the_documented_extras() throws Exception {
        String body = revenue("?asOf=" + scenario.asOf)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode json = JsonMapper.builder().build().readTree(body);

        assertThat(names(json))
                .containsExactly(
                        "partnerId",
                        "asOf",
                        "policyId",
                        "windowStart",
                        "windowEnd",
                        "currency",
                        "total",
                        "months",
                        "byLocation",
                        "excluded",
                        "missingRates",
                        "verification",
                        "threshold",
                        "requirement");
        assertThat(names(json.get("months").get(0))).containsExactly("month", "amount");
        assertThat(names(json.get("byLocation").get(0)))
                .containsExactly("locationId", "amount", "country", "membershipStatus");
        assertThat(names(json.get("excluded").get(0))).containsExactly("reason", "lines", "amount");
        assertThat(names(json.get("missingRates").get(0))).containsExactly("currency", "date");
        assertThat(names(json.get("verification"))).containsExactly("open", "verified", "rejected", "openAmount");
        assertThat(names(json.get("requirement"))).containsExactly("status", "reasonCode", "reason");
        // Money is a decimal string, never a JSON number.
        assertThat(json.get("total").isString()).isTrue();
        assertThat(json.get("months").get(0).get("amount").isString()).isTrue();
        assertThat(json.get("excluded").get(0).get("lines").isNumber()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void every_rule_of_the_ttm_shows_in_the_figures_read_from_the_rollups() throws Exception {
        String y = String.valueOf(scenario.year);
        String before = scenario.previousYear;
        revenue("?asOf=" + scenario.asOf)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerId").value(scenario.partnerId))
                .andExpect(jsonPath("$.asOf").value(scenario.asOf))
                .andExpect(jsonPath("$.policyId").value("csp-direct-fy26"))
                .andExpect(jsonPath("$.windowStart").value(before + "-09"))
                .andExpect(jsonPath("$.windowEnd").value(y + "-08"))
                .andExpect(jsonPath("$.currency").value("USD"))
                .andExpect(jsonPath("$.total").value("1826.27"))
                .andExpect(jsonPath("$.months[*].month")
                        .value(contains(
                                before + "-09",
                                before + "-10",
                                before + "-11",
                                before + "-12",
                                y + "-01",
                                y + "-02",
                                y + "-03",
                                y + "-04",
                                y + "-05",
                                y + "-06",
                                y + "-07",
                                y + "-08")))
                .andExpect(jsonPath("$.months[*].amount")
                        .value(contains(
                                "0.00", "1606.25", "0.00", "0.00", "0.00", "-300.00", "10.00", "10.02", "500.00",
                                "0.00", "0.00", "0.00")))
                .andExpect(jsonPath("$.byLocation[*].locationId")
                        .value(contains(sorted(scenario.locationA, scenario.locationB, scenario.locationC))))
                .andExpect(jsonPath("$.byLocation[?(@.locationId == '" + scenario.locationA + "')].amount")
                        .value(contains("1745.02")))
                .andExpect(jsonPath("$.byLocation[?(@.locationId == '" + scenario.locationB + "')].amount")
                        .value(contains("81.25")))
                .andExpect(jsonPath("$.byLocation[?(@.locationId == '" + scenario.locationB + "')].membershipStatus")
                        .value(contains("SUSPENDED")))
                .andExpect(jsonPath("$.byLocation[?(@.locationId == '" + scenario.locationC + "')].amount")
                        .value(contains("0.00")))
                .andExpect(jsonPath("$.excluded[*].reason").value(contains("CATEGORY", "REJECTED", "UNPAID")))
                .andExpect(jsonPath("$.excluded[*].lines").value(contains(1, 1, 2)))
                .andExpect(jsonPath("$.excluded[*].amount").value(contains("625.00", "10.00", "150.00")))
                .andExpect(jsonPath("$.missingRates.length()").value(1))
                .andExpect(jsonPath("$.missingRates[0].currency").value("CHF"))
                .andExpect(jsonPath("$.missingRates[0].date").value(before + "-10-03"))
                .andExpect(jsonPath("$.verification.open").value(1))
                .andExpect(jsonPath("$.verification.verified").value(1))
                .andExpect(jsonPath("$.verification.rejected").value(1))
                .andExpect(jsonPath("$.verification.openAmount").value("400.00"))
                .andExpect(jsonPath("$.threshold").value("1000000.00"))
                .andExpect(jsonPath("$.requirement.status").value("PENDING"))
                .andExpect(jsonPath("$.requirement.reasonCode").value("RATES_MISSING"))
                .andExpect(jsonPath("$.requirement.reason")
                        .value("1 line(s) that would count have no usable exchange rate yet, so the revenue of"
                                + " 1826.27 USD is incomplete: it is pending until the missing rates are imported."));
    }

    private static String[] sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toArray(String[]::new);
    }

    @Test
    void before_the_refresh_day_the_window_ends_a_month_earlier_and_a_line_paid_by_then_counts() throws Exception {
        String y = String.valueOf(scenario.year);
        // As of Y-09-05 the window is (Y-1)-08 … Y-07: the line billed (Y-1)-08-31 counts, May still does.
        revenue("?asOf=" + y + "-09-05")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windowStart").value(scenario.previousYear + "-08"))
                .andExpect(jsonPath("$.windowEnd").value(y + "-07"))
                .andExpect(jsonPath("$.months[0].amount").value("7777.00"))
                .andExpect(jsonPath("$.total").value("9603.27"));
        // A year later, a future as-of date: nothing of this ledger is in the window any more.
        revenue("?asOf=" + (scenario.year + 1) + "-12-31")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value("0.00"))
                .andExpect(jsonPath("$.months.length()").value(12))
                .andExpect(jsonPath("$.missingRates.length()").value(0))
                .andExpect(jsonPath("$.requirement.status").value("NOT_MET"));
    }

    @Test
    void without_an_as_of_date_the_revenue_is_as_of_today() throws Exception {
        String asOf = JsonMapper.builder()
                .build()
                .readTree(revenue("")
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("asOf")
                .asString();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(LocalDate.parse(asOf)).isBetween(today.minusDays(1), today);
    }

    @Test
    void the_threshold_met_and_missed_are_said_in_the_callers_language() throws Exception {
        String partner = fixtures.createPartner(Fixtures.unique("Big Seller"));
        String location = fixtures.addLocation(partner, "US", "ACTIVE");
        // A year of its own, under csp-direct-fy26 (from 2025-10-01): the threshold is 1,000,000 USD.
        int year = org.directbill.revenue.FxFiles.unusedYear();
        new TestLedger(jdbc, rollups)
                .line(location, "AZURE_CONSUMPTION", year + "-01-15", year + "-01-31", "999999.99", "USD")
                .line(location, "MARKETPLACE_SAAS", year + "-02-15", year + "-02-28", "0.01", "USD")
                .rollUp();

        mvc.perform(get("/api/v1/partners/{id}/revenue?asOf={d}", partner, year + "-03-08")
                        .with(admin())
                        .header("Accept-Language", "fr"))
                .andExpect(jsonPath("$.total").value("1000000.00"))
                .andExpect(jsonPath("$.requirement.status").value("MET"))
                .andExpect(jsonPath("$.requirement.reasonCode").value("THRESHOLD_MET"))
                .andExpect(jsonPath("$.requirement.reason")
                        .value("Le chiffre d’affaires de 1000000.00 USD atteint le seuil de 1000000.00 USD."));
        // As of the 7th the window ends in January: one cent short.
        mvc.perform(get("/api/v1/partners/{id}/revenue?asOf={d}", partner, year + "-03-07")
                        .with(admin()))
                .andExpect(jsonPath("$.total").value("999999.99"))
                .andExpect(jsonPath("$.requirement.status").value("NOT_MET"))
                .andExpect(jsonPath("$.requirement.reason")
                        .value("The revenue of 999999.99 USD is below the threshold of 1000000.00 USD."));
    }

    @Test
    void a_bad_as_of_date_is_a_400_naming_the_parameter() throws Exception {
        for (String bad : new String[] {"2020-13-01", "yesterday", "2020-02-30", "20200101", "0999-01-01"}) {
            revenue("?asOf=" + bad)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        }
        mvc.perform(get("/api/v1/partners/{id}/revenue?asOf=2020-13-01", scenario.partnerId)
                        .with(admin())
                        .header("Accept-Language", "fr"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_DATE"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("2020-13-01 n’est pas une date : AAAA-MM-JJ est attendu, par exemple 2024-01-31."));
    }

    @Test
    void anonymous_is_401_a_role_without_revenue_403_another_partner_or_an_unknown_one_404() throws Exception {
        String path = "/api/v1/partners/" + scenario.partnerId + "/revenue";
        mvc.perform(get(path)).andExpect(status().isUnauthorized());

        String viewer = fixtures.addPartnerUser(scenario.partnerId, "REPORT_VIEWER");
        mvc.perform(get(path).with(Fixtures.as(viewer)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("REVENUE_NOT_ALLOWED"));
        mvc.perform(get(path + "/by-location").with(Fixtures.as(viewer))).andExpect(status().isForbidden());

        String billing = fixtures.addPartnerUser(scenario.partnerId, "BILLING_ADMIN");
        mvc.perform(get(path + "?asOf=" + scenario.asOf).with(Fixtures.as(billing)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value("1826.27"));

        String other = fixtures.addPartnerUser(fixtures.createPartner(Fixtures.unique("Other")), "GLOBAL_ADMIN");
        mvc.perform(get(path).with(Fixtures.as(other)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PARTNER_NOT_FOUND"));
        mvc.perform(get(path + "/by-location").with(Fixtures.as(other))).andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/partners/{id}/revenue", java.util.UUID.randomUUID())
                        .with(admin()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/not-an-id/revenue").with(admin())).andExpect(status().isNotFound());
    }

    private MockHttpServletResponse download(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(admin())).andReturn().getResponse();
    }

    private String expectedRows(String separator, String newline) {
        List<String> rows = new ArrayList<>();
        rows.add(String.join(separator, "location_id", "amount_usd", "country", "membership_status"));
        for (String id : sorted(scenario.locationA, scenario.locationB, scenario.locationC)) {
            String amount =
                    id.equals(scenario.locationA) ? "1745.02" : id.equals(scenario.locationB) ? "81.25" : "0.00";
            String country = id.equals(scenario.locationA) ? "FR" : id.equals(scenario.locationB) ? "DE" : "BE";
            String membership =
                    id.equals(scenario.locationA) ? "ACTIVE" : id.equals(scenario.locationB) ? "SUSPENDED" : "PENDING";
            rows.add(String.join(separator, id, amount, country, membership));
        }
        return String.join(newline, rows) + newline;
    }

    @Test
    void the_revenue_per_location_downloads_as_csv_by_default() throws Exception {
        MockHttpServletResponse csv =
                download(get("/api/v1/partners/{id}/revenue/by-location?asOf={d}", scenario.partnerId, scenario.asOf));

        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"revenue-by-location-" + scenario.partnerId + "-" + scenario.asOf
                        + ".csv\"");
        assertThat(csv.getContentAsString()).isEqualTo(expectedRows(",", "\r\n"));
    }

    @Test
    void the_revenue_per_location_downloads_as_tsv_when_asked_by_parameter_or_accept_header() throws Exception {
        String path = "/api/v1/partners/{id}/revenue/by-location?asOf={d}";
        for (MockHttpServletRequestBuilder request : List.of(
                get(path + "&format=tsv", scenario.partnerId, scenario.asOf),
                get(path, scenario.partnerId, scenario.asOf).header("Accept", "text/tab-separated-values"),
                get(path, scenario.partnerId, scenario.asOf)
                        .header("Accept", "text/csv;q=0.5, text/tab-separated-values"))) {
            MockHttpServletResponse tsv = download(request);
            assertThat(tsv.getStatus()).isEqualTo(200);
            assertThat(tsv.getContentType()).startsWith("text/tab-separated-values");
            assertThat(tsv.getHeader("Content-Disposition")).endsWith(".tsv\"");
            assertThat(tsv.getContentAsString()).isEqualTo(expectedRows("\t", "\n"));
        }
        MockHttpServletResponse csv =
                download(get(path, scenario.partnerId, scenario.asOf).header("Accept", "text/*, application/json"));
        assertThat(csv.getContentType()).startsWith("text/csv");
    }

    @Test
    void a_download_in_a_format_it_does_not_have_is_refused() throws Exception {
        String path = "/api/v1/partners/{id}/revenue/by-location";
        mvc.perform(get(path + "?format=xlsx", scenario.partnerId).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_ENUM"));
        mvc.perform(get(path, scenario.partnerId).with(admin()).header("Accept", "application/json"))
                .andExpect(status().isNotAcceptable())
                .andExpect(
                        header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.code").value("NOT_ACCEPTABLE"));
        mvc.perform(get(path + "?asOf=2020-02-31", scenario.partnerId)
                        .with(admin())
                        .header("Accept", "text/csv"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }
}
