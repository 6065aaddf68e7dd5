package org.directbill.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(EnrollmentTime.class)
class EnrollmentApiTest {

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
    void a_partner_goes_from_draft_to_active_direct_bill_partner() throws Exception {
        String id = s.start();
        EnrollmentScenario.json(s.read("/api/v1/enrollments/" + id, as(s.globalAdmin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT")));

        s.submit(id, as(s.globalAdmin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.policyId").value("csp-direct-2021"))
                .andExpect(jsonPath("$.submittedOn").value("2023-06-14"))
                .andExpect(jsonPath("$.evaluation.policyId").value("csp-direct-2021"));

        s.review(id, as(s.reviewer), "{\"decision\": \"VERIFIED\", \"note\": \"Company checked\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CREDIT_CHECK"))
                .andExpect(jsonPath("$.checklist.REGISTRATION_ID").value("CONFIRMED"))
                .andExpect(jsonPath("$.serviceLevel.kind").value("CREDIT_CHECK"))
                .andExpect(jsonPath("$.serviceLevel.deadline").value("2023-06-21"));
        s.read("/api/v1/partners/" + s.partner + "/profile", admin())
                .andExpect(jsonPath("$.businessVetting").value("PASSED"));

        s.credit(id, as(s.analyst), "{\"decision\": \"APPROVED\", \"creditLimitUsd\": \"250000.00\", \"note\": \"ok\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CREDIT_APPROVED"))
                .andExpect(jsonPath("$.creditLimitUsd").value("250000.00"));

        s.supportPlan("2023-06-14")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flagged").value(false));

        String version = EnrollmentScenario.json(s.read("/api/v1/agreements/current?market=FR", as(s.globalAdmin)))
                .get("version")
                .asString();
        JsonNode active = EnrollmentScenario.json(s.accept(id, version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.agreement.version").value(version))
                .andExpect(jsonPath("$.agreement.acceptedBy").value(s.globalAdmin)));

        List<String> steps = new ArrayList<>();
        active.get("history")
                .forEach(entry -> steps.add(
                        entry.get("step").asString() + ">" + entry.get("status").asString()));
        assertThat(steps)
                .containsExactly(
                        "CREATE>DRAFT",
                        "SUBMIT>IN_REVIEW",
                        "VERIFY>CREDIT_CHECK",
                        "APPROVE_CREDIT>CREDIT_APPROVED",
                        "ACTIVATE>ACTIVE");
        assertThat(active.get("history").get(2).get("by").asString()).isEqualTo(s.reviewer);
        assertThat(active.get("history").get(2).get("note").asString()).isEqualTo("Company checked");
    }
}
