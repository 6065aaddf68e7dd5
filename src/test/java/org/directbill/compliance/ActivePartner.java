package org.directbill.compliance;

import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.directbill.enrollment.EnrollmentScenario;
import org.directbill.revenue.internal.LedgerRollups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A partner that became a direct-bill partner in France on 2023-06-14 through the whole enrollment
 * (csp-direct-2021, which measures at the support plan's renewal: its plan renews on 2024-06-30).
 * Its revenue is 400,000 USD billed in March 2023, so by mid-2024 its trailing twelve months are
 * empty: its first assessment fails on TTM_REVENUE unless a test adds revenue.
 */
final class ActivePartner {

    final EnrollmentScenario s;
    final String enrollment;

    ActivePartner(MockMvc mvc, JdbcClient jdbc, LedgerRollups rollups) throws Exception {
        s = new EnrollmentScenario(mvc, jdbc, rollups);
        enrollment = s.creditApproved();
        s.supportPlan("2023-06-14").andExpect(status().isCreated());
        String version = EnrollmentScenario.json(s.read("/api/v1/agreements/current?market=FR", as(s.globalAdmin)))
                .get("version")
                .asString();
        s.accept(enrollment, version).andExpect(status().isOk());
    }

    String id() {
        return s.partner;
    }
}
