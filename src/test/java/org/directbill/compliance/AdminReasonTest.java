package org.directbill.compliance;

import static org.directbill.support.Fixtures.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Instant;
import org.directbill.enrollment.EnrollmentScenario;
import org.directbill.enrollment.EnrollmentTime;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Why a partner stands where it does, when a program admin put it there: the admin's reason stays
 * the answer while the calendar carries the restriction on (suspended, then revoked), and is gone
 * once the partner is active again without a person's step.
 */
@IntegrationTest
@Import(EnrollmentTime.class)
class AdminReasonTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    MutableClock clock;

    CompliancePartners partners;

    @BeforeEach
    void onTheStartDate() {
        clock.set(EnrollmentTime.START);
        partners = new CompliancePartners(mvc, jdbc, rollups, clock);
    }

    @AfterEach
    void clockBack() {
        clock.set(EnrollmentTime.START);
    }

    @Test
    void a_partner_the_calendar_suspended_after_an_admin_restricted_it_still_gives_the_admins_reason()
            throws Exception {
        EnrollmentScenario s = partners.restricted("Invoices unpaid for 90 days");
        clock.set(Instant.parse("2023-07-14T09:00:00Z"));
        partners.run("2023-07-14", false);
        mvc.perform(get("/api/v1/partners/{id}/status", s.partner).with(admin()))
                .andExpect(jsonPath("$.directBill").value("SUSPENDED"))
                .andExpect(jsonPath("$.reason").value("Invoices unpaid for 90 days"));
    }

    @Test
    void a_restriction_the_calendar_made_gives_no_admin_reason_even_after_an_older_step_by_hand() throws Exception {
        EnrollmentScenario s = partners.active();
        partners.act(s.partner, "RESTRICT", "Checking the billing set-up");
        partners.act(s.partner, "REINSTATE", "Billing set-up checked");
        partners.clearSignatory(s.partner);
        partners.run("2023-06-14", true);
        mvc.perform(get("/api/v1/partners/{id}/status", s.partner).with(admin()))
                .andExpect(jsonPath("$.directBill").value("AT_RISK"))
                .andExpect(jsonPath("$.reason").doesNotExist());
        clock.set(Instant.parse("2023-07-15T09:00:00Z"));
        partners.run("2023-07-15", false);
        mvc.perform(get("/api/v1/partners/{id}/status", s.partner).with(admin()))
                .andExpect(jsonPath("$.directBill").value("RESTRICTED"))
                .andExpect(jsonPath("$.reason").doesNotExist());
    }
}
