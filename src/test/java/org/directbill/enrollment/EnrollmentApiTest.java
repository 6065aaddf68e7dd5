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

    @Test
    void submission_is_refused_with_the_reasons_when_a_required_requirement_is_not_met() throws Exception {
        s.call("/api/v1/partners/" + s.partner + "/profile", admin(), "{}");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                                "/api/v1/partners/{id}/profile", s.partner)
                        .with(admin())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"signatory\": null}"))
                .andExpect(status().isOk());
        String id = s.start();
        s.submit(id, as(s.globalAdmin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("REQUIREMENTS_NOT_MET"))
                .andExpect(jsonPath("$.errors[0].field").value("requirements.ENDORSEMENT"))
                .andExpect(jsonPath("$.requirements[0].code").value("ENDORSEMENT"))
                .andExpect(jsonPath("$.requirements.length()").value(1));
        s.read("/api/v1/enrollments/" + id, as(s.globalAdmin))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.history.length()").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_evaluation WHERE partner_id = ?")
                        .param(java.util.UUID.fromString(s.partner))
                        .query(Long.class)
                        .single())
                .as("the refused submission kept no evaluation")
                .isZero();
    }

    @Test
    void submission_reasons_are_in_the_callers_language() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                                "/api/v1/partners/{id}/profile", s.partner)
                        .with(admin())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"billingInfrastructure\": null}"))
                .andExpect(status().isOk());
        String id = s.start();
        String detail = EnrollmentScenario.json(
                        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                                "/api/v1/enrollments/{id}/submit", id)
                                        .with(as(s.globalAdmin))
                                        .header("Accept-Language", "fr"))
                                .andExpect(status().isUnprocessableContent()))
                .get("detail")
                .asString();
        assertThat(detail).contains("exigence obligatoire");
    }

    @Test
    void only_the_partners_global_admin_submits_and_accepts() throws Exception {
        String id = s.start();
        s.submit(id, as(s.accountAdmin)).andExpect(status().isForbidden());
        s.submit(id, admin()).andExpect(status().isForbidden());
        s.submit(id, as(s.reviewer)).andExpect(status().isForbidden());
        s.submit(id, as(s.reportViewer)).andExpect(status().isForbidden());
        String stranger = s.fixtures.addPartnerUser(s.fixtures.createPartner("Stranger"), "GLOBAL_ADMIN");
        s.submit(id, as(stranger))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ENROLLMENT_NOT_FOUND"));
        s.read("/api/v1/enrollments/" + id, as(stranger)).andExpect(status().isNotFound());
        s.read("/api/v1/enrollments/" + id, as(s.reportViewer)).andExpect(status().isOk());
        s.read("/api/v1/enrollments/" + id, as(s.analyst)).andExpect(status().isOk());
        s.call(
                        "/api/v1/enrollments/" + id + "/submit",
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .anonymous(),
                        "{}")
                .andExpect(status().isUnauthorized());
    }

    @Test
    void who_may_decide_each_step() throws Exception {
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
        String verified = "{\"decision\": \"VERIFIED\"}";
        s.review(id, as(s.analyst), verified).andExpect(status().isForbidden());
        s.review(id, as(s.globalAdmin), verified).andExpect(status().isForbidden());
        s.review(id, as(s.reviewer), verified).andExpect(status().isOk());
        String approve = "{\"decision\": \"APPROVED\", \"creditLimitUsd\": \"1000.00\"}";
        s.credit(id, as(s.reviewer), approve).andExpect(status().isForbidden());
        s.credit(id, as(s.globalAdmin), approve).andExpect(status().isForbidden());
        s.credit(id, admin(), approve)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CREDIT_APPROVED"));
        s.call(
                        "/api/v1/enrollments",
                        as(s.reportViewer),
                        "{\"partnerId\": \"%s\", \"market\": \"DE\"}".formatted(s.partner))
                .andExpect(status().isForbidden());
        s.read("/api/v1/enrollments", as(s.globalAdmin)).andExpect(status().isForbidden());
    }

    @Test
    void an_illegal_step_is_409_and_changes_nothing() throws Exception {
        String id = s.start();
        s.credit(id, as(s.analyst), "{\"decision\": \"APPROVED\", \"creditLimitUsd\": \"1000.00\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        s.review(id, as(s.reviewer), "{\"decision\": \"VERIFIED\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        s.accept(id, "2018-08").andExpect(status().isConflict());
        s.read("/api/v1/enrollments/" + id, as(s.globalAdmin))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0));
        s.call("/api/v1/enrollments/" + id + "/withdraw", as(s.accountAdmin), "{\"note\": \"Not now\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        s.submit(id, as(s.globalAdmin)).andExpect(status().isConflict());
    }

    @Test
    void one_live_enrollment_per_market_and_a_new_one_after_it_ended() throws Exception {
        String first = s.start();
        s.call(
                        "/api/v1/enrollments",
                        as(s.globalAdmin),
                        "{\"partnerId\": \"%s\", \"market\": \"fr\"}".formatted(s.partner))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ENROLLMENT_EXISTS"));
        s.call(
                        "/api/v1/enrollments",
                        as(s.globalAdmin),
                        "{\"partnerId\": \"%s\", \"market\": \"DE\"}".formatted(s.partner))
                .andExpect(status().isCreated());
        s.call("/api/v1/enrollments/" + first + "/withdraw", as(s.globalAdmin), "{}")
                .andExpect(status().isOk());
        s.start();
        s.read("/api/v1/partners/" + s.partner + "/enrollments", as(s.reportViewer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));
    }

    @Test
    void bad_input_names_the_field_and_changes_nothing() throws Exception {
        s.call(
                        "/api/v1/enrollments",
                        as(s.globalAdmin),
                        "{\"partnerId\": \"%s\", \"market\": \"ZZ\"}".formatted(s.partner))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("market"));
        s.call("/api/v1/enrollments", as(s.globalAdmin), "{\"partnerId\": \"%s\"}".formatted(s.partner))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("market"));
        s.call("/api/v1/enrollments", as(s.globalAdmin), "{\"market\": \"FR\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerId"));
        String id = s.inCreditCheck();
        s.credit(id, as(s.analyst), "{\"decision\": \"APPROVED\", \"creditLimitUsd\": 1000}")
                .andExpect(status().isBadRequest());
        s.credit(id, as(s.analyst), "{\"decision\": \"APPROVED\", \"creditLimitUsd\": \"-5\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditLimitUsd"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_CREDIT_LIMIT"));
        s.credit(id, as(s.analyst), "{\"decision\": \"APPROVED\", \"creditLimitUsd\": \"12.345\"}")
                .andExpect(status().isBadRequest());
        s.credit(id, as(s.analyst), "{\"decision\": \"APPROVED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        s.credit(id, as(s.analyst), "{\"decision\": \"DECLINED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        s.credit(id, as(s.analyst), "{\"decision\": \"MAYBE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_ENUM"));
        s.credit(id, as(s.analyst), "{\"decision\": \"DECLINED\", \"note\": \"x\", \"extra\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
        s.read("/api/v1/enrollments/" + id, as(s.analyst))
                .andExpect(jsonPath("$.status").value("CREDIT_CHECK"));
        s.read("/api/v1/enrollments/not-an-id", as(s.analyst)).andExpect(status().isNotFound());
    }

    @Test
    void a_declined_credit_check_ends_the_enrollment_with_the_analysts_note() throws Exception {
        String id = s.inCreditCheck();
        s.credit(id, as(s.analyst), "{\"decision\": \"DECLINED\", \"note\": \"Payment history\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CREDIT_DECLINED"))
                .andExpect(jsonPath("$.history[3].note").value("Payment history"))
                .andExpect(jsonPath("$.history[3].by").value(s.analyst));
        s.start();
    }

    @Test
    void a_reviewer_rejects_with_a_reason() throws Exception {
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
        s.review(id, as(s.reviewer), "{\"decision\": \"REJECTED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        s.review(id, as(s.reviewer), "{\"decision\": \"REJECTED\", \"note\": \"Registration ID unknown\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
    }

    @Test
    void a_problem_on_the_checklist_stops_verified_until_confirmed() throws Exception {
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
        s.call(
                        "/api/v1/enrollments/" + id + "/checklist",
                        as(s.reviewer),
                        "{\"item\": \"EMAIL_OWNERSHIP\", \"mark\": \"PROBLEM\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checklist.EMAIL_OWNERSHIP").value("PROBLEM"));
        s.review(id, as(s.reviewer), "{\"decision\": \"VERIFIED\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CHECKLIST_PROBLEM"));
        s.call(
                        "/api/v1/enrollments/" + id + "/checklist",
                        as(s.globalAdmin),
                        "{\"item\": \"EMAIL_OWNERSHIP\", \"mark\": \"CONFIRMED\"}")
                .andExpect(status().isForbidden());
        s.call(
                        "/api/v1/enrollments/" + id + "/checklist",
                        as(s.reviewer),
                        "{\"item\": \"EMAIL_OWNERSHIP\", \"mark\": \"CONFIRMED\"}")
                .andExpect(status().isOk());
        s.review(id, as(s.reviewer), "{\"decision\": \"VERIFIED\"}").andExpect(status().isOk());
    }

    @Test
    void a_decision_on_a_stale_version_is_409() throws Exception {
        String id = s.start();
        s.submit(id, as(s.globalAdmin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        s.review(id, as(s.reviewer), "{\"decision\": \"VERIFIED\", \"version\": 0}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/enrollments/{id}/review", id)
                        .with(as(s.reviewer))
                        .header("If-Match", "\"0\"")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"VERIFIED\"}"))
                .andExpect(status().isConflict());
        s.review(id, as(s.reviewer), "{\"decision\": \"VERIFIED\", \"version\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void the_agreement_is_served_in_the_callers_language_and_only_the_current_version_is_accepted() throws Exception {
        JsonNode english = EnrollmentScenario.json(s.read("/api/v1/agreements/current?market=FR", as(s.reportViewer))
                .andExpect(status().isOk()));
        JsonNode french = EnrollmentScenario.json(
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                        "/api/v1/agreements/current")
                                .with(as(s.reportViewer))
                                .header("Accept-Language", "fr"))
                        .andExpect(status().isOk()));
        assertThat(english.get("version").asString())
                .isEqualTo(french.get("version").asString());
        assertThat(english.get("title").asString()).startsWith("Direct-bill partner agreement");
        assertThat(french.get("title").asString()).startsWith("Contrat de partenaire");
        assertThat(french.get("text").asString()).contains("vérification de solvabilité");
        s.read("/api/v1/agreements/current?market=XX", as(s.reportViewer)).andExpect(status().isBadRequest());

        String id = s.creditApproved();
        s.supportPlan("2023-06-14").andExpect(status().isCreated());
        s.accept(id, "2017-01")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("AGREEMENT_VERSION_NOT_CURRENT"));
        s.call(
                        "/api/v1/enrollments/" + id + "/agreement",
                        as(s.globalAdmin),
                        "{\"agreementVersion\": \"2018-08\", \"accepted\": false}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accepted"));
        s.call(
                        "/api/v1/enrollments/" + id + "/agreement",
                        as(s.accountAdmin),
                        "{\"agreementVersion\": \"2018-08\", \"accepted\": true}")
                .andExpect(status().isForbidden());
        s.read("/api/v1/enrollments/" + id, as(s.globalAdmin))
                .andExpect(jsonPath("$.status").value("CREDIT_APPROVED"));
    }

    @Test
    void without_a_support_plan_acceptance_is_422_with_the_reason_and_records_nothing() throws Exception {
        String id = s.creditApproved();
        s.accept(id, "2018-08")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("REQUIREMENTS_NOT_MET"))
                .andExpect(jsonPath("$.requirements[0].code").value("SUPPORT_PLAN"));
        s.read("/api/v1/enrollments/" + id, as(s.globalAdmin))
                .andExpect(jsonPath("$.status").value("CREDIT_APPROVED"))
                .andExpect(jsonPath("$.agreement").doesNotExist());
        s.supportPlan("2023-06-14").andExpect(status().isCreated());
        s.accept(id, "2018-08")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }
}
