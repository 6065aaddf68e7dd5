package org.directbill.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.directbill.enrollment.EnrollmentScenario;
import org.directbill.enrollment.EnrollmentTime;
import org.directbill.enrollment.PublishedNotices;
import org.directbill.revenue.TestLedger;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.shared.notice.PartnerNotice;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * The compliance run over HTTP with as-of dates: the partner of {@link ActivePartner} is assessed on
 * its support plan's renewal date (2024-06-30), fails on its revenue, and escalates day by day.
 */
@IntegrationTest
@Import(EnrollmentTime.class)
class ComplianceRunTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    PublishedNotices notices;

    @Autowired
    MutableClock clock;

    ActivePartner partner;

    @BeforeEach
    void anActivePartner() throws Exception {
        partner = new ActivePartner(mvc, jdbc, rollups);
    }

    @AfterEach
    void clockBack() {
        clock.set(EnrollmentTime.START);
    }

    private JsonNode run(String asOf) throws Exception {
        return EnrollmentScenario.json(mvc.perform(post("/api/v1/compliance/runs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"" + asOf + "\"}"))
                .andExpect(status().isOk()));
    }

    private ResultActions statusAs(String who) throws Exception {
        return mvc.perform(get("/api/v1/partners/{id}/status", partner.id()).with(as(who)));
    }

    private JsonNode statusNow() throws Exception {
        return EnrollmentScenario.json(
                mvc.perform(get("/api/v1/partners/{id}/status", partner.id()).with(admin())));
    }

    @Test
    void an_activated_partner_is_active_in_its_market_with_its_next_assessment() throws Exception {
        statusAs(partner.s.globalAdmin)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerId").value(partner.id()))
                .andExpect(jsonPath("$.directBill").value("ACTIVE"))
                .andExpect(jsonPath("$.since").value("2023-06-14"))
                .andExpect(jsonPath("$.markets[0]").value("FR"))
                .andExpect(jsonPath("$.indirectReseller").value(true))
                .andExpect(jsonPath("$.nextAssessment").value("2024-06-30"))
                .andExpect(jsonPath("$.nextAssessmentOccasion").value("SUPPORT_RENEWAL"))
                .andExpect(jsonPath("$.blocked").isEmpty());
    }

    @Test
    void the_escalation_timeline_follows_the_as_of_dates_and_a_repeated_run_changes_nothing() throws Exception {
        assertThat(run("2024-06-29").get("assessed").asInt()).isZero();
        assertThat(statusNow().get("directBill").asString()).isEqualTo("ACTIVE");

        JsonNode first = run("2024-06-30");
        assertThat(first.get("assessed").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode atRisk = statusNow();
        assertThat(atRisk.get("directBill").asString()).isEqualTo("AT_RISK");
        assertThat(atRisk.get("since").asString()).isEqualTo("2024-06-30");
        assertThat(atRisk.get("cureDeadline").asString()).isEqualTo("2024-07-30");
        assertThat(atRisk.get("unmet").get(0).get("code").asString()).isEqualTo("TTM_REVENUE");
        assertThat(atRisk.get("nextStep").get("step").asString()).isEqualTo("RESTRICT");
        assertThat(atRisk.get("nextStep").get("on").asString()).isEqualTo("2024-07-31");
        assertThat(notices.of(partner.id(), "COMPLIANCE_AT_RISK")).hasSize(1);

        int history = history().size();
        JsonNode again = run("2024-06-30");
        assertThat(List.of(
                        again.get("assessed").asInt(),
                        again.get("notices").asInt(),
                        again.get("restricted").asInt(),
                        again.get("suspended").asInt(),
                        again.get("revoked").asInt(),
                        again.get("reinstated").asInt()))
                .containsOnly(0);
        assertThat(history()).hasSize(history);
        assertThat(notices.of(partner.id(), "COMPLIANCE_AT_RISK")).hasSize(1);

        run("2024-07-30");
        assertThat(statusNow().get("directBill").asString()).isEqualTo("AT_RISK");

        JsonNode restricting = run("2024-07-31");
        assertThat(restricting.get("restricted").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode restricted = statusNow();
        assertThat(restricted.get("directBill").asString()).isEqualTo("RESTRICTED");
        assertThat(restricted.get("since").asString()).isEqualTo("2024-07-31");
        assertThat(restricted.get("suspendOn").asString()).isEqualTo("2024-08-30");
        assertThat(restricted.get("revokeOn").asString()).isEqualTo("2024-09-29");
        assertThat(restricted.get("blocked").toString()).contains("NEW_AZURE_SUBSCRIPTION", "CREATE_CUSTOMER");
        assertThat(restricted.get("allowed").toString()).contains("RENEW_SUBSCRIPTION", "CHANGE_SEAT_COUNT");
        List<PartnerNotice> restrictionNotices = notices.of(partner.id(), "COMPLIANCE_RESTRICTED");
        assertThat(restrictionNotices).hasSize(1);
        assertThat(restrictionNotices.get(0).arguments().get(2)).hasToString("2024-08-30");

        run("2024-08-29");
        assertThat(statusNow().get("directBill").asString()).isEqualTo("RESTRICTED");
        assertThat(run("2024-08-30").get("suspended").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(statusNow().get("directBill").asString()).isEqualTo("SUSPENDED");
        run("2024-09-28");
        assertThat(statusNow().get("directBill").asString()).isEqualTo("SUSPENDED");
        assertThat(run("2024-09-29").get("revoked").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode revoked = statusNow();
        assertThat(revoked.get("directBill").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("since").asString()).isEqualTo("2024-09-29");

        List<String> steps = history().stream().map(h -> h.get("to").asString()).toList();
        assertThat(steps).containsExactly("REVOKED", "SUSPENDED", "RESTRICTED", "AT_RISK", "ACTIVE");
    }

    @Test
    void the_unmet_revenue_names_the_partners_figures_only_to_who_may_see_its_revenue() throws Exception {
        run("2024-06-30");

        String toGlobalAdmin =
                statusAs(partner.s.globalAdmin).andReturn().getResponse().getContentAsString();
        assertThat(toGlobalAdmin).contains("The revenue of 0.00 USD is below the threshold of 300,000.00 USD.");
        String toReportViewer = statusAs(partner.s.reportViewer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(toReportViewer).contains("TTM_REVENUE", "300,000.00").doesNotContain("0.00 USD is below");
        String assessments = mvc.perform(get("/api/v1/partners/{id}/assessments", partner.id())
                        .with(org.directbill.support.Fixtures.as(partner.s.reportViewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(assessments).contains("300,000.00").doesNotContain("0.00 USD is below");
    }

    @Test
    void a_run_made_late_ends_where_daily_runs_would_have() throws Exception {
        run("2024-09-29");

        JsonNode revoked = statusNow();
        assertThat(revoked.get("directBill").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("since").asString()).isEqualTo("2024-09-29");
        List<String> effective =
                history().stream().map(h -> h.get("effectiveOn").asString()).toList();
        assertThat(effective).containsExactly("2024-09-29", "2024-08-30", "2024-07-31", "2024-06-30", "2023-06-14");
    }

    @Test
    void meeting_the_requirements_by_the_deadline_makes_the_partner_active_again() throws Exception {
        run("2024-06-30");
        new TestLedger(jdbc, rollups)
                .line(location(), "AZURE_CONSUMPTION", "2024-05-10", "2024-05-20", "350000.00", "USD")
                .rollUp();
        // Its support plan renewed on 2024-06-30: the renewal is recorded in July.
        clock.set(java.time.Instant.parse("2024-07-02T09:00:00Z"));
        partner.s
                .call("/api/v1/partners/" + partner.id() + "/support-plans", as(partner.s.globalAdmin), """
                        {"type": "ASFP", "contractId": "RENEWED-%s", "purchasedOn": "2024-07-01",
                         "renewsOn": "2025-06-30"}""".formatted(
                                partner.id().substring(0, 8)))
                .andExpect(status().isCreated());

        JsonNode cured = run("2024-07-30");

        assertThat(cured.get("reinstated").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode active = statusNow();
        assertThat(active.get("directBill").asString()).isEqualTo("ACTIVE");
        assertThat(active.get("since").asString()).isEqualTo("2024-07-30");
        assertThat(active.get("unmet")).isEmpty();
        assertThat(notices.of(partner.id(), "COMPLIANCE_CURED")).hasSize(1);
        assertThat(run("2024-08-15").get("restricted").asInt()).isZero();
        JsonNode later = statusNow();
        assertThat(later.get("directBill").asString()).isEqualTo("ACTIVE");
        assertThat(later.get("nextAssessment").asString()).isEqualTo("2025-06-30");
    }

    @Test
    void reassess_all_assesses_every_active_partner_now_once() throws Exception {
        new TestLedger(jdbc, rollups)
                .line(location(), "AZURE_CONSUMPTION", "2023-09-10", "2023-09-20", "350000.00", "USD")
                .rollUp();
        JsonNode body = EnrollmentScenario.json(mvc.perform(post("/api/v1/compliance/runs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2024-01-15\", \"reassessAll\": true}"))
                .andExpect(status().isOk()));
        assertThat(body.get("assessed").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode assessments = EnrollmentScenario.json(mvc.perform(
                get("/api/v1/partners/{id}/assessments", partner.id()).with(admin())));
        assertThat(assessments.get(0).get("occasion").asString()).isEqualTo("ON_DEMAND");
        assertThat(assessments.get(0).get("outcome").asString()).isEqualTo("PASSED");
        assertThat(assessments.get(0).get("evaluationIds")).hasSize(1);
        assertThat(statusNow().get("lastAssessedOn").asString()).isEqualTo("2024-01-15");

        JsonNode again = EnrollmentScenario.json(mvc.perform(post("/api/v1/compliance/runs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2024-01-15\", \"reassessAll\": true}"))
                .andExpect(status().isOk()));
        assertThat(again.get("assessed").asInt()).isZero();
    }

    @Test
    void only_a_program_admin_runs_compliance_and_the_date_is_required() throws Exception {
        for (String who : List.of(partner.s.reviewer, partner.s.analyst, partner.s.globalAdmin)) {
            mvc.perform(post("/api/v1/compliance/runs")
                            .with(as(who))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"asOf\": \"2024-06-30\"}"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/compliance/runs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2024-06-30\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/compliance/runs")
                        .with(admin())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        mvc.perform(post("/api/v1/compliance/runs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2024-13-45\"}"))
                .andExpect(status().isBadRequest());
        assertThat(statusNow().get("directBill").asString()).isEqualTo("ACTIVE");
    }

    private List<JsonNode> history() throws Exception {
        JsonNode list = EnrollmentScenario.json(mvc.perform(
                get("/api/v1/partners/{id}/status/history", partner.id()).with(admin())));
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
    }

    private String location() {
        return jdbc.sql("SELECT location_id FROM location WHERE partner_id = ?")
                .param(java.util.UUID.fromString(partner.id()))
                .query(String.class)
                .list()
                .get(0);
    }
}
