package org.directbill.enrollment;

import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The seeds, twice: do not buy a support plan during the credit check (domain.md, enrollment step 5). */
@IntegrationTest
@Import(EnrollmentTime.class)
class SupportPlanRuleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    EnrollmentScenario s;

    @BeforeEach
    void aPartnerReadyToEnroll() throws Exception {
        s = new EnrollmentScenario(mvc, jdbc, rollups);
    }

    @Test
    void without_an_enrollment_under_way_a_plan_is_recorded_unflagged() throws Exception {
        s.supportPlan("2023-06-14")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flagged").value(false));
        s.start();
        s.supportPlan("2023-06-14")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flagged").value(false));
    }

    @Test
    void a_plan_bought_on_or_after_the_submission_is_refused_while_in_review_and_in_the_credit_check()
            throws Exception {
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
        s.supportPlan("2023-06-14")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CREDIT_CHECK_NOT_PASSED"));
        s.review(
                        id,
                        as(s.reviewer),
                        "{\"decision\": \"INFO_REQUESTED\", \"note\": \"Send it\", \"dueDate\": \"2023-06-30\"}")
                .andExpect(status().isOk());
        s.supportPlan("2023-06-14").andExpect(status().isConflict());
        s.call("/api/v1/enrollments/" + id + "/info-response", as(s.globalAdmin), "{\"message\": \"Sent\"}")
                .andExpect(status().isOk());
        s.review(id, as(s.reviewer), "{\"decision\": \"VERIFIED\"}").andExpect(status().isOk());
        s.supportPlan("2023-06-14")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CREDIT_CHECK_NOT_PASSED"));
        s.read("/api/v1/partners/" + s.partner + "/support-plans", as(s.globalAdmin))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void a_plan_bought_before_the_submission_is_accepted_and_flagged() throws Exception {
        s.inCreditCheck();
        s.supportPlan("2023-06-13")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flagged").value(true));
    }

    @Test
    void once_the_credit_check_passed_the_plan_is_recorded_and_the_enrollment_can_activate() throws Exception {
        String id = s.creditApproved();
        s.supportPlan("2023-06-14")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flagged").value(false));
        s.accept(id, "2018-08")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void a_declined_or_withdrawn_enrollment_no_longer_holds_plans_back() throws Exception {
        String id = s.inCreditCheck();
        s.credit(id, as(s.analyst), "{\"decision\": \"DECLINED\", \"note\": \"No\"}")
                .andExpect(status().isOk());
        s.supportPlan("2023-06-14").andExpect(status().isCreated());
    }
}
