package org.directbill.policy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.directbill.revenue.FxFiles;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST/GET /api/v1/partners/{id}/evaluations} on H2 and PostgreSQL: a partner that meets the
 * April 2021 policy in France, the same partner against the FY26 one and in another market, stored
 * snapshots that do not move when the facts do, every refusal, and who may ask and see what.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    Fixtures fixtures;
    String partner;
    String asOf;
    String globalAdmin;
    String reportViewer;

    @BeforeAll
    void aPartnerThatMeetsThe2021Policy() throws Exception {
        fixtures = new Fixtures(mvc);
        int year = FxFiles.unusedYear();
        asOf = year + "-09-09";
        partner = fixtures.createPartner(Fixtures.unique("Evaluated"));
        String location = fixtures.addLocation(partner, "FR", "ACTIVE");
        fixtures.addLocation(partner, "DE", "PENDING");
        mvc.perform(patch("/api/v1/partners/{id}/profile", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"signatory": {"name": "Ada Signer", "email": "ada@example.com", "title": "CEO",
                                               "authorityToSign": true},
                                 "supportCapability": {"firstLevelSupport": true, "contactEmail": "support@example.com"},
                                 "billingInfrastructure": {"inPlace": true, "description": "AR team"},
                                 "managedServices": [{"name": "Managed Azure", "kind": "MANAGED_SERVICE"}],
                                 "indirectResellerSince": "2020-01-01"}"""))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/partners/{id}/support-plans", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "ASFP", "contractId": "%s", "purchasedOn": "2024-01-01",
                                 "renewsOn": "%d-12-31"}""".formatted(Fixtures.unique("C"), year)))
                .andExpect(status().isCreated());
        new TestLedger(jdbc, rollups)
                .line(location, "AZURE_CONSUMPTION", year + "-03-10", year + "-03-20", "400000.00", "USD")
                .rollUp();
        globalAdmin = fixtures.addPartnerUser(partner, "GLOBAL_ADMIN");
        reportViewer = fixtures.addPartnerUser(partner, "REPORT_VIEWER");
    }

    private ResultActions evaluate(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/partners/{id}/evaluations", partner)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private JsonNode created(RequestPostProcessor who, String body) throws Exception {
        return JSON.readTree(evaluate(who, body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static JsonNode requirement(JsonNode evaluation, String code) {
        for (JsonNode requirement : evaluation.get("requirements")) {
            if (requirement.get("code").asString().equals(code)) {
                return requirement;
            }
        }
        throw new AssertionError("no " + code + " in " + evaluation);
    }

    private static List<String> codes(JsonNode evaluation) {
        List<String> codes = new ArrayList<>();
        evaluation.get("requirements").forEach(r -> codes.add(r.get("code").asString()));
        return codes;
    }

    @Test
    void a_partner_meeting_every_required_requirement_of_2021_in_its_market_is_eligible() throws Exception {
        JsonNode evaluation = created(admin(), """
                {"asOf": "%s", "policyId": "csp-direct-2021", "market": "FR"}""".formatted(asOf));

        assertThat(evaluation.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(evaluation.get("policyId").asString()).isEqualTo("csp-direct-2021");
        assertThat(evaluation.get("market").asString()).isEqualTo("FR");
        assertThat(evaluation.get("asOf").asString()).isEqualTo(asOf);
        assertThat(evaluation.get("inputDigest").asString()).matches("[0-9a-f]{64}");
        assertThat(codes(evaluation))
                .containsExactly(
                        "LOCATION_ID",
                        "ENDORSEMENT",
                        "SUPPORT_CAPABILITY",
                        "SUPPORT_PLAN",
                        "BILLING_INFRASTRUCTURE",
                        "MANAGED_SERVICE",
                        "TTM_REVENUE",
                        "INDIRECT_TENURE");
        evaluation
                .get("requirements")
                .forEach(r ->
                        assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("MET"));
        JsonNode revenue = requirement(evaluation, "TTM_REVENUE");
        assertThat(revenue.get("details").get("total").asString()).isEqualTo("400000.00");
        assertThat(revenue.get("reason").asString()).contains("400,000.00").contains("300,000");
    }

    @Test
    void the_policy_in_force_is_used_when_none_is_named_and_fy26_asks_for_a_million() throws Exception {
        JsonNode evaluation = created(admin(), """
                {"asOf": "%s", "market": "FR"}""".formatted(asOf));

        assertThat(evaluation.get("policyId").asString()).isEqualTo("csp-direct-fy26");
        assertThat(evaluation.get("outcome").asString()).isEqualTo("INELIGIBLE");
        assertThat(requirement(evaluation, "TTM_REVENUE").get("status").asString())
                .isEqualTo("NOT_MET");
        assertThat(requirement(evaluation, "TTM_REVENUE").get("level").asString())
                .isEqualTo("REQUIRED");
        // Vetting and the assessment wait on program staff: PENDING, not NOT_MET.
        assertThat(requirement(evaluation, "BUSINESS_VETTING").get("status").asString())
                .isEqualTo("PENDING");
        assertThat(requirement(evaluation, "OPERATIONAL_ASSESSMENT")
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");
    }

    @Test
    void in_another_market_the_location_requirement_is_not_met_but_a_pending_location_is_pending() throws Exception {
        JsonNode italy = created(admin(), """
                {"asOf": "%s", "policyId": "csp-direct-2021", "market": "IT"}""".formatted(asOf));
        assertThat(requirement(italy, "LOCATION_ID").get("status").asString()).isEqualTo("NOT_MET");
        assertThat(italy.get("outcome").asString()).isEqualTo("INELIGIBLE");

        JsonNode germany = created(admin(), """
                {"asOf": "%s", "policyId": "csp-direct-2021", "market": "de"}""".formatted(asOf));
        assertThat(germany.get("market").asString()).isEqualTo("DE");
        assertThat(requirement(germany, "LOCATION_ID").get("status").asString()).isEqualTo("PENDING");
        assertThat(germany.get("outcome").asString()).isEqualTo("PENDING");
    }

    @Test
    void the_2018_policy_needs_no_market_and_counts_any_active_location() throws Exception {
        JsonNode evaluation = created(admin(), """
                {"asOf": "%s", "policyId": "csp-direct-2018"}""".formatted(asOf));

        assertThat(evaluation.get("market").isNull()).isTrue();
        assertThat(requirement(evaluation, "LOCATION_ID").get("status").asString())
                .isEqualTo("MET");
        assertThat(codes(evaluation)).doesNotContain("TTM_REVENUE", "SUPPORT_PLAN");
    }

    @Test
    void a_stored_evaluation_reads_back_unchanged_after_the_facts_change() throws Exception {
        String other = fixtures.createPartner(Fixtures.unique("Changing"));
        fixtures.addLocation(other, "FR", "ACTIVE");
        mvc.perform(patch("/api/v1/partners/{id}/profile", other)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"signatory": {"name": "Bo Signer", "email": "bo@example.com", "authorityToSign": true}}"""))
                .andExpect(status().isOk());
        ResultActions made = mvc.perform(post("/api/v1/partners/{id}/evaluations", other)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policyId\": \"csp-direct-2018\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/partners/" + other + "/evaluations/")));
        String location = made.andReturn().getResponse().getHeader("Location");
        JsonNode first = JSON.readTree(made.andReturn().getResponse().getContentAsString());
        assertThat(requirement(first, "ENDORSEMENT").get("status").asString()).isEqualTo("MET");

        mvc.perform(patch("/api/v1/partners/{id}/profile", other)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signatory\": null}"))
                .andExpect(status().isOk());

        JsonNode again = JSON.readTree(mvc.perform(get(location).with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(again).isEqualTo(first);

        JsonNode now = JSON.readTree(mvc.perform(post("/api/v1/partners/{id}/evaluations", other)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policyId\": \"csp-direct-2018\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(requirement(now, "ENDORSEMENT").get("status").asString()).isEqualTo("NOT_MET");
        assertThat(now.get("inputDigest").asString())
                .isNotEqualTo(first.get("inputDigest").asString());

        mvc.perform(get("/api/v1/partners/{id}/evaluations", other).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].id").value(now.get("id").asString()))
                .andExpect(jsonPath("$.items[1].id").value(first.get("id").asString()));
    }

    @Test
    void the_same_facts_give_the_same_digest() throws Exception {
        String body = """
                {"asOf": "%s", "policyId": "csp-direct-2021", "market": "FR"}""".formatted(asOf);
        assertThat(created(admin(), body).get("inputDigest"))
                .isEqualTo(created(admin(), body).get("inputDigest"));
    }

    @Test
    void the_database_refuses_to_change_or_delete_a_stored_evaluation() throws Exception {
        String id = created(admin(), "{\"policyId\": \"csp-direct-2018\"}")
                .get("id")
                .asString();

        assertThatThrownBy(() -> jdbc.sql("UPDATE policy_evaluation SET outcome = 'ELIGIBLE' WHERE id = ?")
                        .param(java.util.UUID.fromString(id))
                        .update())
                .hasStackTraceContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM policy_evaluation WHERE id = ?")
                        .param(java.util.UUID.fromString(id))
                        .update())
                .hasStackTraceContaining("immutable");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_evaluation WHERE id = ?")
                        .param(java.util.UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void reasons_come_in_the_callers_language() throws Exception {
        JsonNode french = JSON.readTree(mvc.perform(post("/api/v1/partners/{id}/evaluations", partner)
                        .with(admin())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"asOf": "%s", "policyId": "csp-direct-2021", "market": "IT"}""".formatted(asOf)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        JsonNode english = created(admin(), """
                {"asOf": "%s", "policyId": "csp-direct-2021", "market": "IT"}""".formatted(asOf));

        String frenchReason = requirement(french, "LOCATION_ID").get("reason").asString();
        String englishReason = requirement(english, "LOCATION_ID").get("reason").asString();
        assertThat(frenchReason).isNotBlank().isNotEqualTo(englishReason).contains("IT");
        assertThat(englishReason).contains("IT");
        assertThat(requirement(french, "LOCATION_ID").get("reasonCode"))
                .isEqualTo(requirement(english, "LOCATION_ID").get("reasonCode"));
    }

    @Test
    void a_market_scoped_policy_without_a_market_is_a_400_naming_the_field() throws Exception {
        long before = evaluationsOf(partner);
        evaluate(admin(), "{\"policyId\": \"csp-direct-2021\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("market"))
                .andExpect(jsonPath("$.errors[0].code").value("MARKET_REQUIRED"));
        assertThat(evaluationsOf(partner)).isEqualTo(before);
    }

    @Test
    void bad_input_is_a_400_per_field_and_stores_nothing() throws Exception {
        long before = evaluationsOf(partner);
        evaluate(admin(), "{\"policyId\": \"csp-direct-1999\", \"market\": \"XX\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'policyId')].code").value("UNKNOWN_POLICY"))
                .andExpect(jsonPath("$.errors[?(@.field == 'market')].code").value("INVALID_COUNTRY"));
        evaluate(admin(), "{\"asOf\": \"2024-13-01\", \"market\": \"FR\"}").andExpect(status().isBadRequest());
        evaluate(admin(), "{\"asOf\": \"2024-01-01\", \"market\": \"FR\", \"extra\": 1}")
                .andExpect(status().isBadRequest());
        assertThat(evaluationsOf(partner)).isEqualTo(before);
    }

    @Test
    void before_the_first_policy_there_is_nothing_to_evaluate_against() throws Exception {
        evaluate(admin(), "{\"asOf\": \"2018-08-30\", \"market\": \"FR\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("NO_POLICY_IN_FORCE"));
        created(admin(), "{\"asOf\": \"2018-08-31\"}");
    }

    @Test
    void an_unknown_partner_or_evaluation_is_a_404() throws Exception {
        mvc.perform(post("/api/v1/partners/{id}/evaluations", java.util.UUID.randomUUID())
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policyId\": \"csp-direct-2018\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/{id}/evaluations/{e}", partner, java.util.UUID.randomUUID())
                        .with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("EVALUATION_NOT_FOUND"));
        mvc.perform(get("/api/v1/partners/{id}/evaluations/{e}", partner, "not-an-id")
                        .with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_partners_own_users_may_evaluate_but_only_revenue_readers_see_the_figures() throws Exception {
        String body = """
                {"asOf": "%s", "policyId": "csp-direct-2021", "market": "FR"}""".formatted(asOf);
        JsonNode byAdmin = created(as(globalAdmin), body);
        assertThat(requirement(byAdmin, "TTM_REVENUE").get("details").has("total"))
                .isTrue();

        JsonNode byViewer = created(as(reportViewer), body);
        JsonNode hidden = requirement(byViewer, "TTM_REVENUE");
        assertThat(hidden.get("status").asString()).isEqualTo("MET");
        assertThat(hidden.get("details").has("total")).isFalse();
        assertThat(hidden.toString()).doesNotContain("400000").doesNotContain("400,000");

        // The stored snapshot has the figures; the viewer reading it back still does not see them.
        String id = byViewer.get("id").asString();
        String asViewer = mvc.perform(get("/api/v1/partners/{id}/evaluations/{e}", partner, id)
                        .with(as(reportViewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(asViewer).doesNotContain("400000");
        mvc.perform(get("/api/v1/partners/{id}/evaluations/{e}", partner, id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requirements[?(@.code == 'TTM_REVENUE')].details.total")
                        .value("400000.00"));
    }

    @Test
    void another_partners_user_hears_not_found_and_the_integration_key_is_refused() throws Exception {
        String other = fixtures.createPartner(Fixtures.unique("Other"));
        String stranger = fixtures.addPartnerUser(other, "GLOBAL_ADMIN");
        String id = created(admin(), "{\"policyId\": \"csp-direct-2018\"}")
                .get("id")
                .asString();

        evaluate(as(stranger), "{\"policyId\": \"csp-direct-2018\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/{id}/evaluations/{e}", partner, id).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/{id}/evaluations/{e}", other, id).with(admin()))
                .andExpect(status().isNotFound());

        String machine = fixtures.addStaff("INTEGRATION").get("id").asString();
        String key = fixtures.issueApiKey(machine);
        mvc.perform(post("/api/v1/partners/{id}/evaluations", partner)
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policyId\": \"csp-direct-2018\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/partners/{id}/evaluations", partner)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"policyId\": \"csp-direct-2018\"}"))
                .andExpect(status().isUnauthorized());
    }

    private long evaluationsOf(String partnerId) {
        return jdbc.sql("SELECT COUNT(*) FROM policy_evaluation WHERE partner_id = ?")
                .param(java.util.UUID.fromString(partnerId))
                .query(Long.class)
                .single();
    }
}
