package org.directbill.partner.api;

import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The Partners table of api.md through HTTP: what each call does, and how it refuses bad input. */
@IntegrationTest
class PartnerApiTest {

    @Autowired
    MockMvc mvc;

    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(mvc);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(
                request.with(admin()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void a_registered_partner_is_answered_with_its_address_and_found_again_with_its_locations() throws Exception {
        String name = Fixtures.unique("Contoso");
        String location = send(post("/api/v1/partners"), Fixtures.partnerBody(name, "FR"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.legalName").value(name))
                .andExpect(jsonPath("$.address.city").value("Springfield"))
                .andExpect(jsonPath("$.locations", hasSize(0)))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String locationId = fixtures.addLocation(id, "BE", "PENDING");

        mvc.perform(get(location).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.locations[0].locationId").value(locationId))
                .andExpect(jsonPath("$.locations[0].country").value("BE"))
                .andExpect(jsonPath("$.locations[0].membershipStatus").value("PENDING"));
        mvc.perform(get("/api/v1/partners").param("q", name.toLowerCase()).with(admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        mvc.perform(get("/api/v1/partners").param("q", locationId).with(admin()))
                .andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void every_invalid_field_is_reported_at_once_in_french_and_nothing_is_stored() throws Exception {
        String name = Fixtures.unique("Broken");
        mvc.perform(post("/api/v1/partners")
                        .with(admin())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"legalName": "%s", "country": "PL",
                                 "address": {"line1": "", "city": "Warszawa", "postalCode": "00-001", "country": "XX"},
                                 "primaryContact": {"name": "Jan", "email": "not-an-email"}}""".formatted(name)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.title").value("Requête invalide"))
                .andExpect(jsonPath("$.errors", hasSize(4)))
                .andExpect(jsonPath("$.errors[0].field").value("registrationId"))
                .andExpect(jsonPath("$.errors[0].code").value("REGISTRATION_ID_REQUIRED"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("obligatoire")))
                .andExpect(jsonPath("$.errors[1].field").value("address.line1"))
                .andExpect(jsonPath("$.errors[2].field").value("address.country"))
                .andExpect(jsonPath("$.errors[2].code").value("INVALID_COUNTRY"))
                .andExpect(jsonPath("$.errors[3].field").value("primaryContact.email"))
                .andExpect(jsonPath("$.errors[3].code").value("INVALID_EMAIL"));
        mvc.perform(get("/api/v1/partners").param("q", name).with(admin()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void a_second_partner_with_the_same_registration_id_in_the_same_country_is_a_conflict() throws Exception {
        String body = Fixtures.partnerBody(Fixtures.unique("Twin"), "TR");
        send(post("/api/v1/partners"), body).andExpect(status().isCreated());
        send(post("/api/v1/partners"), body)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PARTNER_REGISTRATION_EXISTS"));
    }

    @Test
    void malformed_json_is_located_by_line_and_column() throws Exception {
        send(post("/api/v1/partners"), "{\n  \"legalName\": \"x\",\n  oops\n}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_BODY"))
                .andExpect(jsonPath("$.errors[0].code").value("MALFORMED_JSON"))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").isNumber());
    }

    @Test
    void an_unknown_field_is_refused_rather_than_silently_ignored() throws Exception {
        send(post("/api/v1/partners"), "{\"legalName\": \"x\", \"legalNmae\": \"typo\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("legalNmae"))
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
    }

    @Test
    void an_unknown_membership_status_names_the_allowed_ones() throws Exception {
        String partner = fixtures.createPartner(Fixtures.unique("Enum"));
        send(
                        post("/api/v1/partners/{id}/locations", partner),
                        "{\"locationId\": \"12345\", \"country\": \"FR\", \"membershipStatus\": \"GOLD\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("membershipStatus"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_ENUM"))
                .andExpect(
                        jsonPath("$.errors[0].message").value(containsString("ACTIVE, PENDING, REJECTED, SUSPENDED")));
    }

    @Test
    void a_location_id_is_five_to_ten_digits_and_unique_across_all_partners() throws Exception {
        String first = fixtures.createPartner(Fixtures.unique("First"));
        String second = fixtures.createPartner(Fixtures.unique("Second"));
        send(
                        post("/api/v1/partners/{id}/locations", first),
                        "{\"locationId\": \"12a45\", \"country\": \"FR\", \"membershipStatus\": \"ACTIVE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_LOCATION_ID"));
        String taken = fixtures.addLocation(first, "FR", "ACTIVE");
        send(
                        post("/api/v1/partners/{id}/locations", second),
                        "{\"locationId\": \"" + taken + "\", \"country\": \"FR\", \"membershipStatus\": \"ACTIVE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LOCATION_ID_TAKEN"));
    }

    @Test
    void a_location_changes_status_only_through_its_own_partner() throws Exception {
        String owner = fixtures.createPartner(Fixtures.unique("Owner"));
        String other = fixtures.createPartner(Fixtures.unique("Other"));
        String location = fixtures.addLocation(owner, "FR", "PENDING");
        send(patch("/api/v1/partners/{id}/locations/{l}", other, location), "{\"membershipStatus\": \"ACTIVE\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("LOCATION_NOT_FOUND"));
        send(patch("/api/v1/partners/{id}/locations/{l}", owner, location), "{\"membershipStatus\": \"ACTIVE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.membershipStatus").value("ACTIVE"));
        send(patch("/api/v1/partners/{id}/locations/{l}", owner, location), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("membershipStatus"));
    }

    @Test
    void an_unknown_or_malformed_partner_id_is_not_found() throws Exception {
        mvc.perform(get("/api/v1/partners/{id}", "00000000-0000-0000-0000-000000000000")
                        .with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PARTNER_NOT_FOUND"));
        mvc.perform(get("/api/v1/partners/{id}", "not-a-uuid").with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void a_partner_user_is_created_without_ever_showing_its_password_and_holds_only_partner_roles() throws Exception {
        String partner = fixtures.createPartner(Fixtures.unique("Users"));
        String email = Fixtures.uniqueEmail("ga");
        send(
                        post("/api/v1/partners/{id}/users", partner),
                        "{\"email\": \"" + email.toUpperCase() + "\", \"displayName\": \"Ga\", \"password\": \""
                                + Fixtures.PASSWORD + "\", \"roles\": [\"GLOBAL_ADMIN\"], \"locale\": \"fr\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.partnerId").value(partner))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        send(
                        post("/api/v1/partners/{id}/users", partner),
                        "{\"email\": \"" + email + "\", \"displayName\": \"Ga\", \"password\": \"" + Fixtures.PASSWORD
                                + "\", \"roles\": [\"GLOBAL_ADMIN\"], \"locale\": \"fr\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("USERNAME_TAKEN"));
        send(
                        post("/api/v1/partners/{id}/users", partner),
                        "{\"email\": \"" + Fixtures.uniqueEmail("x")
                                + "\", \"displayName\": \"X\", \"password\": \"short\","
                                + " \"roles\": [\"PROGRAM_ADMIN\"], \"locale\": \"de\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("PASSWORD_TOO_SHORT"))
                .andExpect(jsonPath("$.errors[1].field").value("roles[0]"))
                .andExpect(jsonPath("$.errors[1].code").value("ROLE_NOT_ALLOWED_HERE"))
                .andExpect(jsonPath("$.errors[2].field").value("locale"));
        mvc.perform(get("/api/v1/me").with(as(email)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerId").value(partner));
    }

    @Test
    void staff_accounts_hold_program_or_machine_roles_only() throws Exception {
        send(
                        post("/api/v1/users"),
                        "{\"email\": \"" + Fixtures.uniqueEmail("s") + "\", \"displayName\": \"S\", \"password\": \""
                                + Fixtures.PASSWORD + "\", \"roles\": [\"GLOBAL_ADMIN\"], \"locale\": \"en\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("ROLE_NOT_ALLOWED_HERE"));
    }

    @Test
    void an_api_key_is_shown_once_authenticates_its_machine_account_and_is_only_for_machines() throws Exception {
        String machine = fixtures.addStaff("INTEGRATION").get("id").asString();
        String key = fixtures.issueApiKey(machine);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(machine))
                .andExpect(jsonPath("$.roles[0]").value("INTEGRATION"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + key + "x"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        String reviewer = fixtures.addStaff("REVIEWER").get("id").asString();
        send(post("/api/v1/users/{id}/api-keys", reviewer), "{\"name\": \"k\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("NOT_A_MACHINE_ACCOUNT"));
        send(post("/api/v1/users/{id}/api-keys", machine), "{\"name\": \"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void a_profile_patch_changes_only_the_fields_it_names_and_null_clears_one() throws Exception {
        String partner = fixtures.createPartner(Fixtures.unique("Profile"));
        String globalAdmin = fixtures.addPartnerUser(partner, "GLOBAL_ADMIN");
        patchProfile(globalAdmin, partner, """
                        {"signatory": {"name": "Ada", "email": "ADA@example.com", "title": "CEO", "authorityToSign": true},
                         "managedServices": [{"name": "Backup", "kind": "MANAGED_SERVICE"}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signatory.email").value("ada@example.com"))
                .andExpect(jsonPath("$.managedServices[0].kind").value("MANAGED_SERVICE"));
        patchProfile(globalAdmin, partner, "{\"supportCapability\": {\"firstLevelSupport\": true}}")
                .andExpect(jsonPath("$.signatory.name").value("Ada"))
                .andExpect(jsonPath("$.supportCapability.firstLevelSupport").value(true));
        patchProfile(globalAdmin, partner, "{\"signatory\": null}")
                .andExpect(jsonPath("$.signatory").value(nullValue()))
                .andExpect(jsonPath("$.supportCapability.firstLevelSupport").value(true));
    }

    @Test
    void a_partner_admin_may_not_set_a_program_fact_and_the_refused_patch_changes_nothing() throws Exception {
        String partner = fixtures.createPartner(Fixtures.unique("Facts"));
        String globalAdmin = fixtures.addPartnerUser(partner, "GLOBAL_ADMIN");
        patchProfile(
                        globalAdmin,
                        partner,
                        "{\"billingInfrastructure\": {\"inPlace\": true}, \"businessVetting\": \"PASSED\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FIELD_NOT_EDITABLE"))
                .andExpect(jsonPath("$.detail").value(containsString("businessVetting")));
        mvc.perform(get("/api/v1/partners/{id}/profile", partner).with(as(globalAdmin)))
                .andExpect(jsonPath("$.billingInfrastructure").value(nullValue()))
                .andExpect(jsonPath("$.businessVetting").value(nullValue()));
        patchProfile(
                        Fixtures.ADMIN,
                        partner,
                        "{\"businessVetting\": \"PASSED\", \"operationalAssessment\": \"FAILED\","
                                + " \"securityScoreMandatoryComplete\": true, \"indirectResellerSince\": \"2024-05-01\","
                                + " \"designations\": [\"Modern Work\", \"Modern Work\", \"Security\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.businessVetting").value("PASSED"))
                .andExpect(jsonPath("$.designations", hasSize(2)));
    }

    @Test
    void invalid_profile_facts_are_reported_by_field() throws Exception {
        String partner = fixtures.createPartner(Fixtures.unique("BadFacts"));
        patchProfile(
                        Fixtures.ADMIN,
                        partner,
                        "{\"signatory\": {\"name\": \"\", \"email\": \"nope\"}, \"indirectResellerSince\": \"2999-01-01\","
                                + " \"managedServices\": [{\"name\": \"X\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "signatory.name",
                                "signatory.email",
                                "signatory.authorityToSign",
                                "managedServices[0].kind",
                                "indirectResellerSince")));
        patchProfile(Fixtures.ADMIN, partner, "{\"nickname\": \"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
        patchProfile(Fixtures.ADMIN, partner, "{\"businessVetting\": \"MAYBE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("businessVetting"));
    }

    @Test
    void a_support_plan_is_recorded_once_per_contract_with_dates_in_order() throws Exception {
        String partner = fixtures.createPartner(Fixtures.unique("Plans"));
        String body =
                "{\"type\": \"PSFP\", \"contractId\": \"P-1\", \"purchasedOn\": \"2025-03-01\", \"renewsOn\": \"2026-03-01\"}";
        send(post("/api/v1/partners/{id}/support-plans", partner), body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flagged").value(false))
                .andExpect(jsonPath("$.recordedBy").value("admin"));
        send(post("/api/v1/partners/{id}/support-plans", partner), body)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SUPPORT_PLAN_EXISTS"));
        send(
                        post("/api/v1/partners/{id}/support-plans", partner),
                        "{\"type\": \"ASFP\", \"contractId\": \"P-2\", \"purchasedOn\": \"2025-03-01\", \"renewsOn\": \"2025-02-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("RENEWAL_NOT_AFTER_PURCHASE"));
        mvc.perform(get("/api/v1/partners/{id}/support-plans", partner).with(admin()))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].contractId").value("P-1"));
    }

    @Test
    void a_page_larger_than_allowed_is_refused_with_the_range() throws Exception {
        mvc.perform(get("/api/v1/partners").param("size", "500").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/partners").param("page", "x").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void the_answer_never_contains_the_password_hash_of_anyone() throws Exception {
        mvc.perform(get("/api/v1/users").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].email").exists())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(not(containsString("{bcrypt}"))));
    }

    private ResultActions patchProfile(String who, String partner, String body) throws Exception {
        return mvc.perform(patch("/api/v1/partners/{id}/profile", partner)
                .with(Fixtures.ADMIN.equals(who) ? admin() : as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
