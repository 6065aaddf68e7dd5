package org.directbill.policy;

import static org.directbill.support.Fixtures.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.directbill.revenue.TestLedger;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A policy published for a future date changes nothing until that date, then the revenue counts by
 * it: the threshold is data, not code. On a database of its own, since the policy it publishes takes
 * effect in the near future.
 */
@IntegrationTest
@Import(PolicyChangesRevenueTest.MovableTime.class)
class PolicyChangesRevenueTest {

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    private ResultActions revenueToday(String partner) throws Exception {
        return mvc.perform(get("/api/v1/partners/{id}/revenue", partner).with(admin()));
    }

    @Test
    void after_a_new_policy_takes_effect_the_revenue_is_measured_against_its_threshold() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        Fixtures fixtures = new Fixtures(mvc);
        String partner = fixtures.createPartner(Fixtures.unique("Growing"));
        String location = fixtures.addLocation(partner, "US", "ACTIVE");
        new TestLedger(jdbc, rollups)
                .line(location, "AZURE_CONSUMPTION", "2026-01-15", "2026-01-31", "1500000.00", "USD")
                .rollUp();

        // Under csp-direct-fy26: 1,500,000 USD reaches the 1,000,000 USD threshold.
        revenueToday(partner)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-03-02"))
                .andExpect(jsonPath("$.policyId").value("csp-direct-fy26"))
                .andExpect(jsonPath("$.total").value("1500000.00"))
                .andExpect(jsonPath("$.threshold").value("1000000.00"))
                .andExpect(jsonPath("$.requirement.status").value("MET"));

        // Tomorrow is the earliest date a new policy may take effect.
        mvc.perform(post("/api/v1/policies")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"id": "csp-direct-test-2026", "title": "Two million", "effectiveFrom": "2026-03-03",
                                 "requirements": [{"code": "TTM_REVENUE", "level": "REQUIRED",
                                                   "parameters": {"thresholdUsd": "2000000"}}]}"""))
                .andExpect(status().isCreated());

        // Published, not yet in force: today still counts by csp-direct-fy26.
        revenueToday(partner)
                .andExpect(jsonPath("$.policyId").value("csp-direct-fy26"))
                .andExpect(jsonPath("$.threshold").value("1000000.00"))
                .andExpect(jsonPath("$.requirement.status").value("MET"));
        mvc.perform(get("/api/v1/policies/in-force").with(admin()))
                .andExpect(jsonPath("$.id").value("csp-direct-fy26"));

        clock.set(Instant.parse("2026-03-03T00:00:00Z"));

        revenueToday(partner)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2026-03-03"))
                .andExpect(jsonPath("$.policyId").value("csp-direct-test-2026"))
                .andExpect(jsonPath("$.total").value("1500000.00"))
                .andExpect(jsonPath("$.threshold").value("2000000.00"))
                .andExpect(jsonPath("$.requirement.status").value("NOT_MET"));
        mvc.perform(get("/api/v1/policies/in-force").with(admin()))
                .andExpect(jsonPath("$.id").value("csp-direct-test-2026"));
    }

    @Test
    void a_policy_cannot_take_effect_today_even_as_the_clock_moves() throws Exception {
        clock.set(Instant.parse("2026-06-10T23:59:59Z"));
        mvc.perform(post("/api/v1/policies")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"id": "csp-direct-test-today", "title": "Today", "effectiveFrom": "2026-06-10",
                                 "requirements": [{"code": "ENDORSEMENT", "level": "REQUIRED"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_FROM_NOT_IN_FUTURE"))
                .andExpect(jsonPath("$.detail")
                        .value("A new policy takes effect after today (2026-06-10), not on 2026-06-10: what was"
                                + " already evaluated or counted keeps its policy."));
    }
}
