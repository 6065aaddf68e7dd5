package org.directbill.compliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.directbill.compliance.Activations;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/authorizations}: who may ask, by partner and by location, the market rule,
 * the answer following a status change at once, every refusal kept (and only refusals), bad input
 * refused by field with nothing kept, reasons in French and English.
 */
@IntegrationTest
class AuthorizationApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    Fixtures fixtures;
    String partner;
    String frLocation;
    String deLocation;
    String integrationKey;

    @BeforeEach
    void anActiveDirectBillPartnerInFrance() throws Exception {
        fixtures = new Fixtures(mvc);
        partner = fixtures.createPartner(Fixtures.unique("Authorized"));
        frLocation = fixtures.addLocation(partner, "FR", "ACTIVE");
        deLocation = fixtures.addLocation(partner, "DE", "ACTIVE");
        new Activations(events, transactions).activate(partner, "FR", LocalDate.of(2024, 3, 1));
        integrationKey =
                fixtures.issueApiKey(fixtures.addStaff("INTEGRATION").get("id").asString());
    }

    @Test
    void the_ordering_platform_and_program_staff_may_ask_partner_users_may_not() throws Exception {
        ask(apiKey(integrationKey), byPartner(partner, "NEW_AZURE_SUBSCRIPTION"))
                .andExpect(status().isOk());
        ask(admin(), byPartner(partner, "NEW_AZURE_SUBSCRIPTION")).andExpect(status().isOk());
        String reviewer = fixtures.addStaff("REVIEWER").get("email").asString();
        String analyst = fixtures.addStaff("CREDIT_ANALYST").get("email").asString();
        ask(as(reviewer), byPartner(partner, "NEW_ADDON")).andExpect(status().isOk());
        ask(as(analyst), byPartner(partner, "NEW_ADDON")).andExpect(status().isOk());

        String globalAdmin = fixtures.addPartnerUser(partner, "GLOBAL_ADMIN");
        ask(as(globalAdmin), byPartner(partner, "NEW_ADDON")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/authorizations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(byPartner(partner, "NEW_ADDON")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/authorizations")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer dbk_" + "x".repeat(43))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(byPartner(partner, "NEW_ADDON")))
                .andExpect(status().isUnauthorized());

        // Only program staff read the refusals: not the ordering platform, not the partner.
        mvc.perform(get("/api/v1/authorizations/refusals")
                        .param("partnerId", partner)
                        .with(as(reviewer)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/authorizations/refusals")
                        .param("partnerId", partner)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + integrationKey))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/authorizations/refusals")
                        .param("partnerId", partner)
                        .with(as(globalAdmin)))
                .andExpect(status().isForbidden());
    }

    @Test
    void by_partner_and_by_location_in_a_market_enrolled_or_not() throws Exception {
        JsonNode byId = answer(byPartner(partner, "NEW_AZURE_SUBSCRIPTION"));
        assertThat(byId.get("allowed").asBoolean()).isTrue();
        assertThat(byId.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(byId.get("code").asString()).isEqualTo("ALLOWED");
        assertThat(byId.get("reason").asString()).isEqualTo("Allowed: direct-bill status Active since 2024-03-01.");
        assertThat(byId.get("partnerId").asString()).isEqualTo(partner);
        assertThat(byId.get("action").asString()).isEqualTo("NEW_AZURE_SUBSCRIPTION");

        JsonNode inFrance = answer(byLocation(frLocation, "CREATE_CUSTOMER"));
        assertThat(inFrance.get("allowed").asBoolean()).isTrue();
        assertThat(inFrance.get("partnerId").asString()).isEqualTo(partner);
        assertThat(inFrance.get("locationId").asString()).isEqualTo(frLocation);

        JsonNode inGermany = answer(byLocation(deLocation, "CREATE_CUSTOMER"));
        assertThat(inGermany.get("allowed").asBoolean()).isFalse();
        assertThat(inGermany.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(inGermany.get("code").asString()).isEqualTo("MARKET_NOT_ENROLLED");
        assertThat(inGermany.get("reason").asString())
                .isEqualTo("Refused: not a direct-bill partner in DE; enrolled in FR only.");

        // Enrolled in Germany too: the same location is allowed at once.
        new Activations(events, transactions).activate(partner, "DE", LocalDate.of(2024, 6, 1));
        assertThat(answer(byLocation(deLocation, "CREATE_CUSTOMER"))
                        .get("allowed")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void a_partner_that_is_not_a_direct_bill_partner_is_refused_unless_it_invites_as_an_indirect_reseller()
            throws Exception {
        String none = fixtures.createPartner(Fixtures.unique("NotDirect"));
        String location = fixtures.addLocation(none, "FR", "ACTIVE");
        JsonNode refused = answer(byLocation(location, "RENEW_SUBSCRIPTION"));
        assertThat(refused.get("allowed").asBoolean()).isFalse();
        assertThat(refused.get("status").asString()).isEqualTo("NONE");
        assertThat(refused.get("code").asString()).isEqualTo("NOT_DIRECT_BILL");
        assertThat(answer(byPartner(none, "INDIRECT_RESELLER_INVITATION"))
                        .get("code")
                        .asString())
                .isEqualTo("NOT_DIRECT_BILL");

        // It becomes an indirect reseller (program staff set the date on its profile): it may invite at once.
        mvc.perform(patch("/api/v1/partners/{id}/profile", none)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indirectResellerSince\": \"2021-05-01\"}"))
                .andExpect(status().isOk());
        JsonNode invites = answer(byPartner(none, "INDIRECT_RESELLER_INVITATION"));
        assertThat(invites.get("allowed").asBoolean()).isTrue();
        assertThat(invites.get("status").asString()).isEqualTo("NONE");
        assertThat(invites.get("reason").asString()).isEqualTo("Allowed: an indirect reseller since 2021-05-01.");
        assertThat(answer(byPartner(none, "NEW_ADDON")).get("code").asString()).isEqualTo("NOT_DIRECT_BILL");
    }

    @Test
    void a_status_change_changes_the_next_answer_at_once_and_every_refusal_is_kept() throws Exception {
        assertThat(refusalsOf(partner).get("total").asLong()).isZero();
        assertThat(answer(byPartner(partner, "NEW_ADDON")).get("allowed").asBoolean())
                .isTrue();

        mvc.perform(post("/api/v1/partners/{id}/status-actions", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"RESTRICT\", \"reason\": \"Unpaid invoices\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.directBill").value("RESTRICTED"));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode restricted = answer(byPartner(partner, "NEW_ADDON"));
        assertThat(restricted.get("allowed").asBoolean()).isFalse();
        assertThat(restricted.get("status").asString()).isEqualTo("RESTRICTED");
        assertThat(restricted.get("code").asString()).isEqualTo("RESTRICTED");
        assertThat(restricted.get("reason").asString())
                .isEqualTo("Restricted since " + today
                        + ": new purchases are blocked (with new customers, reseller relationships and sandboxes).");
        JsonNode renew = answer(byLocation(frLocation, "RENEW_SUBSCRIPTION"));
        assertThat(renew.get("allowed").asBoolean()).isTrue();
        assertThat(renew.get("status").asString()).isEqualTo("RESTRICTED");
        JsonNode elsewhere = answer(byLocation(deLocation, "RENEW_SUBSCRIPTION"));
        assertThat(elsewhere.get("code").asString()).isEqualTo("MARKET_NOT_ENROLLED");

        // Two refusals, newest first, with who asked; the allowed answers are not kept.
        JsonNode refusals = refusalsOf(partner);
        assertThat(refusals.get("total").asLong()).isEqualTo(2);
        JsonNode newest = refusals.get("items").get(0);
        assertThat(newest.get("code").asString()).isEqualTo("MARKET_NOT_ENROLLED");
        assertThat(newest.get("locationId").asString()).isEqualTo(deLocation);
        assertThat(newest.get("action").asString()).isEqualTo("RENEW_SUBSCRIPTION");
        assertThat(newest.get("status").asString()).isEqualTo("RESTRICTED");
        assertThat(newest.get("caller").asString()).startsWith("staff");
        JsonNode older = refusals.get("items").get(1);
        assertThat(older.get("code").asString()).isEqualTo("RESTRICTED");
        assertThat(older.get("action").asString()).isEqualTo("NEW_ADDON");
        assertThat(older.get("locationId").isNull()).isTrue();
        assertThat(older.get("partnerId").asString()).isEqualTo(partner);
        assertThat(older.get("id").asLong()).isLessThan(newest.get("id").asLong());

        JsonNode firstPage = JSON.readTree(mvc.perform(get("/api/v1/authorizations/refusals")
                        .param("partnerId", partner)
                        .param("size", "1")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").asLong()).isEqualTo(2);

        // Reinstated: allowed again at once.
        mvc.perform(post("/api/v1/partners/{id}/status-actions", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"REINSTATE\", \"reason\": \"Paid\"}"))
                .andExpect(status().isOk());
        assertThat(answer(byPartner(partner, "NEW_ADDON")).get("status").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_kept() throws Exception {
        String neither = "{\"action\": \"NEW_ADDON\"}";
        String both = "{\"partnerId\": \"%s\", \"locationId\": \"%s\", \"action\": \"NEW_ADDON\"}"
                .formatted(partner, frLocation);
        String notUuid = "{\"partnerId\": \"not-a-uuid\", \"action\": \"NEW_ADDON\"}";
        String notLocation = "{\"locationId\": \"12ab\", \"action\": \"NEW_ADDON\"}";
        String unknownAction = "{\"partnerId\": \"%s\", \"action\": \"BUY_EVERYTHING\"}".formatted(partner);
        String noAction = "{\"partnerId\": \"%s\"}".formatted(partner);
        String unknownField =
                "{\"partnerId\": \"%s\", \"action\": \"NEW_ADDON\", \"market\": \"FR\"}".formatted(partner);

        badInput(neither, "partnerId", "PARTNER_OR_LOCATION_REQUIRED");
        badInput(both, "partnerId", "PARTNER_OR_LOCATION_NOT_BOTH");
        badInput(notUuid, "partnerId", "INVALID_PARTNER_ID");
        badInput(notLocation, "locationId", "INVALID_LOCATION_ID");
        JsonNode unknown = badInput(unknownAction, "action", "UNKNOWN_ACTION");
        assertThat(unknown.get("errors").get(0).get("message").asString())
                .contains("BUY_EVERYTHING")
                .contains("NEW_AZURE_SUBSCRIPTION")
                .contains("INDIRECT_RESELLER_INVITATION");
        badInput(noAction, "action", "REQUIRED");
        badInput(unknownField, "market", "UNKNOWN_FIELD");
        ask(apiKey(integrationKey), "not json").andExpect(status().isBadRequest());

        ask(apiKey(integrationKey), byPartner("0b4c5f38-7f3e-4d0a-9f4e-2a1d3c5b6e7f", "NEW_ADDON"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PARTNER_NOT_FOUND"));
        ask(apiKey(integrationKey), byLocation("999999999", "NEW_ADDON"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("LOCATION_NOT_FOUND"));

        // Revoked, a valid question would be refused and kept; a bad one still keeps nothing.
        mvc.perform(post("/api/v1/partners/{id}/status-actions", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"REVOKE\", \"reason\": \"Fraud\"}"))
                .andExpect(status().isOk());
        badInput(noAction, "action", "REQUIRED");
        assertThat(refusalsOf(partner).get("total").asLong()).isZero();
        mvc.perform(get("/api/v1/authorizations/refusals")
                        .param("partnerId", "nope")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerId"));
    }

    @Test
    void the_reason_is_in_the_callers_language() throws Exception {
        mvc.perform(post("/api/v1/partners/{id}/status-actions", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"REVOKE\", \"reason\": \"Fraud\"}"))
                .andExpect(status().isOk());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode french = JSON.readTree(ask(apiKey(integrationKey), byPartner(partner, "NEW_ADDON"), "fr")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(french.get("code").asString()).isEqualTo("REVOKED");
        assertThat(french.get("reason").asString())
                .isEqualTo(
                        "Révoqué depuis le " + today
                                + " : seules la gestion des ressources Azure et la suspension d’abonnements restent possibles.");
        JsonNode english = JSON.readTree(ask(apiKey(integrationKey), byPartner(partner, "NEW_ADDON"), "en")
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(english.get("reason").asString())
                .isEqualTo("Revoked since " + today
                        + ": only managing Azure resources and suspending subscriptions remain possible.");
        JsonNode allowedInFrench =
                JSON.readTree(ask(apiKey(integrationKey), byPartner(partner, "SUSPEND_SUBSCRIPTION"), "fr")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(allowedInFrench.get("reason").asString())
                .isEqualTo("Autorisé : statut de facturation directe Révoqué depuis le " + today + ".");
        JsonNode problem = JSON.readTree(
                ask(apiKey(integrationKey), "{\"partnerId\": \"%s\", \"action\": \"X\"}".formatted(partner), "fr")
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("errors").get(0).get("message").asString()).startsWith("X n’est pas une action");
    }

    private JsonNode badInput(String body, String field, String code) throws Exception {
        JsonNode problem = JSON.readTree(ask(apiKey(integrationKey), body)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(problem.get("errors")).as(body).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString())
                .as(body)
                .isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("code").asString()).as(body).isEqualTo(code);
        return problem;
    }

    private JsonNode refusalsOf(String partnerId) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/authorizations/refusals")
                        .param("partnerId", partnerId)
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private JsonNode answer(String body) throws Exception {
        return JSON.readTree(ask(apiKey(integrationKey), body)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private ResultActions ask(RequestPostProcessor who, String body) throws Exception {
        return ask(who, body, "en");
    }

    private ResultActions ask(RequestPostProcessor who, String body, String language) throws Exception {
        return mvc.perform(post("/api/v1/authorizations")
                .with(who)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static RequestPostProcessor apiKey(String key) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key);
            return request;
        };
    }

    static String byPartner(String partnerId, String action) {
        return "{\"partnerId\": \"%s\", \"action\": \"%s\"}".formatted(partnerId, action);
    }

    static String byLocation(String locationId, String action) {
        return "{\"locationId\": \"%s\", \"action\": \"%s\"}".formatted(locationId, action);
    }
}
