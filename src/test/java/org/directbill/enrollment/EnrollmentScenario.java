package org.directbill.enrollment;

import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.directbill.revenue.TestLedger;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner ready to enroll in France under {@code csp-direct-2021} on {@link EnrollmentTime#START}
 * (location, profile, 400,000 USD of revenue, indirect reseller since 2020), with its users and the
 * program staff who work its enrollment; and the API calls of the flow.
 */
public final class EnrollmentScenario {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public final MockMvc mvc;
    public final Fixtures fixtures;
    public final String partner;
    /** The partner's legal name. */
    public final String name;

    public final String globalAdmin;
    public final String accountAdmin;
    public final String reportViewer;
    public final String reviewer;
    public final String analyst;

    public EnrollmentScenario(MockMvc mvc, JdbcClient jdbc, LedgerRollups rollups) throws Exception {
        this.mvc = mvc;
        this.fixtures = new Fixtures(mvc);
        name = Fixtures.unique("Enrolling");
        partner = fixtures.createPartner(name);
        String location = fixtures.addLocation(partner, "FR", "ACTIVE");
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
        new TestLedger(jdbc, rollups)
                .line(location, "AZURE_CONSUMPTION", "2023-03-10", "2023-03-20", "400000.00", "USD")
                .rollUp();
        globalAdmin = fixtures.addPartnerUser(partner, "GLOBAL_ADMIN");
        accountAdmin = fixtures.addPartnerUser(partner, "ACCOUNT_ADMIN");
        reportViewer = fixtures.addPartnerUser(partner, "REPORT_VIEWER");
        reviewer = fixtures.addStaff("REVIEWER").get("email").asString();
        analyst = fixtures.addStaff("CREDIT_ANALYST").get("email").asString();
    }

    public static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    public ResultActions call(String path, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(
                post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    public ResultActions read(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who));
    }

    /** A DRAFT enrollment in FR, started by the Global admin. */
    public String start() throws Exception {
        return json(call("/api/v1/enrollments", as(globalAdmin), """
                        {"partnerId": "%s", "market": "FR"}""".formatted(partner))
                        .andExpect(status().isCreated()))
                .get("id")
                .asString();
    }

    public ResultActions submit(String id, RequestPostProcessor who) throws Exception {
        return call("/api/v1/enrollments/" + id + "/submit", who, "{}");
    }

    public ResultActions review(String id, RequestPostProcessor who, String body) throws Exception {
        return call("/api/v1/enrollments/" + id + "/review", who, body);
    }

    public ResultActions credit(String id, RequestPostProcessor who, String body) throws Exception {
        return call("/api/v1/enrollments/" + id + "/credit-decision", who, body);
    }

    public ResultActions supportPlan(String purchasedOn) throws Exception {
        return call("/api/v1/partners/" + partner + "/support-plans", as(globalAdmin), """
                {"type": "ASFP", "contractId": "%s", "purchasedOn": "%s", "renewsOn": "2024-06-30"}""".formatted(
                        Fixtures.unique("C"), purchasedOn));
    }

    public ResultActions accept(String id, String version) throws Exception {
        return call("/api/v1/enrollments/" + id + "/agreement", as(globalAdmin), """
                {"agreementVersion": "%s", "accepted": true}""".formatted(version));
    }

    /** Started, submitted and verified: waiting in CREDIT_CHECK. */
    public String inCreditCheck() throws Exception {
        String id = start();
        submit(id, as(globalAdmin)).andExpect(status().isOk());
        review(id, as(reviewer), "{\"decision\": \"VERIFIED\", \"note\": \"All checked\"}")
                .andExpect(status().isOk());
        return id;
    }

    /** Credit approved for 250,000 USD. */
    public String creditApproved() throws Exception {
        String id = inCreditCheck();
        credit(id, as(analyst), "{\"decision\": \"APPROVED\", \"creditLimitUsd\": \"250000.00\", \"note\": \"ok\"}")
                .andExpect(status().isOk());
        return id;
    }
}
