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
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.shared.notice.PartnerNotice;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A program admin restricts, reinstates and revokes by hand, with a reason; nobody else may. */
@IntegrationTest
@Import(EnrollmentTime.class)
class StatusActionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    PublishedNotices notices;

    ActivePartner partner;

    @BeforeEach
    void anActivePartner() throws Exception {
        partner = new ActivePartner(mvc, jdbc, rollups);
    }

    private ResultActions act(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/partners/{id}/status-actions", partner.id())
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String statusNow() throws Exception {
        return EnrollmentScenario.json(mvc.perform(
                        get("/api/v1/partners/{id}/status", partner.id()).with(admin())))
                .get("directBill")
                .asString();
    }

    @Test
    void a_program_admin_restricts_then_reinstates_with_reasons_and_the_partner_is_told_each_time() throws Exception {
        act(admin(), "{\"action\": \"RESTRICT\", \"reason\": \"Unpaid invoices for 90 days\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.directBill").value("RESTRICTED"))
                .andExpect(jsonPath("$.since").value("2023-06-14"))
                .andExpect(jsonPath("$.suspendOn").value("2023-07-14"))
                .andExpect(jsonPath("$.revokeOn").value("2023-08-13"))
                .andExpect(jsonPath("$.reason").value("Unpaid invoices for 90 days"))
                .andExpect(jsonPath("$.nextStep.step").value("SUSPEND"));
        List<PartnerNotice> restricted = notices.of(partner.id(), "COMPLIANCE_RESTRICTED");
        assertThat(restricted).hasSize(1);
        assertThat(restricted.get(0).arguments().get(1).toString()).contains("Unpaid invoices for 90 days");

        act(admin(), "{\"action\": \"REINSTATE\", \"reason\": \"Invoices paid\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.directBill").value("ACTIVE"))
                .andExpect(jsonPath("$.suspendOn").doesNotExist());
        assertThat(notices.of(partner.id(), "COMPLIANCE_REINSTATED")).hasSize(1);

        String history = mvc.perform(get("/api/v1/partners/{id}/status/history", partner.id())
                        .with(as(partner.s.globalAdmin))
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].to").value("ACTIVE"))
                .andExpect(jsonPath("$[0].cause").value("REINSTATED_BY_ADMIN"))
                .andExpect(jsonPath("$[0].reason").value("Invoices paid"))
                .andExpect(jsonPath("$[1].to").value("RESTRICTED"))
                .andExpect(jsonPath("$[1].recordedBy").value("admin"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(history).contains("Rétabli par l’équipe du programme");
    }

    @Test
    void revocation_by_hand_and_steps_the_status_does_not_allow() throws Exception {
        act(admin(), "{\"action\": \"REINSTATE\", \"reason\": \"Nothing to reinstate\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        act(admin(), "{\"action\": \"REVOKE\", \"reason\": \"Fraud confirmed\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.directBill").value("REVOKED"))
                .andExpect(jsonPath("$.allowed")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "SUSPEND_SUBSCRIPTION", "MANAGE_AZURE_RESOURCES", "INDIRECT_RESELLER_INVITATION")));
        act(admin(), "{\"action\": \"RESTRICT\", \"reason\": \"Again\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        assertThat(statusNow()).isEqualTo("REVOKED");
        assertThat(notices.of(partner.id(), "COMPLIANCE_REVOKED")).hasSize(1);
    }

    @Test
    void bad_input_names_the_field_in_the_callers_language_and_changes_nothing() throws Exception {
        act(admin(), "{\"action\": \"RESTRICT\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        act(admin(), "{\"action\": \"RESTRICT\", \"reason\": \"   \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        act(admin(), "{\"action\": \"RESTRICT\", \"reason\": \"" + "x".repeat(2001) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/partners/{id}/status-actions", partner.id())
                        .with(admin())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"SUSPEND\", \"reason\": \"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("SUSPEND n’est pas une action de statut ; utilisez RESTRICT, REINSTATE ou REVOKE."));
        act(admin(), "{\"action\": \"RESTRICT\", \"reason\": \"x\", \"extra\": 1}")
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/partners/{id}/status-actions", "not-a-partner")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"RESTRICT\", \"reason\": \"x\"}"))
                .andExpect(status().isNotFound());
        assertThat(statusNow()).isEqualTo("ACTIVE");
        assertThat(notices.of(partner.id(), "COMPLIANCE_RESTRICTED")).isEmpty();
    }

    @Test
    void only_program_admins_act_and_another_partners_user_does_not_learn_the_partner_exists() throws Exception {
        for (String who : List.of(partner.s.reviewer, partner.s.analyst, partner.s.globalAdmin)) {
            act(as(who), "{\"action\": \"RESTRICT\", \"reason\": \"x\"}").andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/partners/{id}/status-actions", partner.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"RESTRICT\", \"reason\": \"x\"}"))
                .andExpect(status().isUnauthorized());
        String stranger = new Fixtures(mvc)
                .addPartnerUser(new Fixtures(mvc).createPartner(Fixtures.unique("Other")), "GLOBAL_ADMIN");
        mvc.perform(get("/api/v1/partners/{id}/status", partner.id()).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/{id}/status", partner.id()).with(as(partner.s.reportViewer)))
                .andExpect(status().isOk());
        assertThat(statusNow()).isEqualTo("ACTIVE");
    }

    @Test
    void a_partner_that_never_enrolled_is_none_and_the_board_lists_only_the_troubled() throws Exception {
        String other = new Fixtures(mvc).createPartner(Fixtures.unique("Never"));
        mvc.perform(get("/api/v1/partners/{id}/status", other).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.directBill").value("NONE"))
                .andExpect(jsonPath("$.markets").isEmpty())
                .andExpect(jsonPath("$.nextAssessment").doesNotExist());

        act(admin(), "{\"action\": \"RESTRICT\", \"reason\": \"Audit\"}").andExpect(status().isOk());
        String board = mvc.perform(get("/api/v1/compliance/partners").with(as(partner.s.reviewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(board).contains(partner.id()).doesNotContain(other);
        mvc.perform(get("/api/v1/compliance/partners?status=BAD").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/v1/compliance/partners").with(as(partner.s.globalAdmin)))
                .andExpect(status().isForbidden());
    }
}
