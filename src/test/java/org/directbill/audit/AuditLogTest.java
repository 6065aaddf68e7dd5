package org.directbill.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.directbill.support.Fixtures.admin;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every change is kept: who, when, what, before and after; and nothing can rewrite it. */
@IntegrationTest
class AuditLogTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_status_change_is_recorded_with_its_actor_and_its_before_and_after_states() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String partner = fixtures.createPartner(Fixtures.unique("Audited"));
        String location = fixtures.addLocation(partner, "FR", "PENDING");
        mvc.perform(patch("/api/v1/partners/{id}/locations/{l}", partner, location)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"membershipStatus\": \"SUSPENDED\"}"))
                .andExpect(status().isOk());

        mvc.perform(get("/api/v1/audit").param("subject", partner).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].action").value("LOCATION_STATUS_CHANGED"))
                .andExpect(jsonPath("$.items[0].actor").value("admin"))
                .andExpect(jsonPath("$.items[0].subjectId").value(location))
                .andExpect(jsonPath("$.items[0].before.membershipStatus").value("PENDING"))
                .andExpect(jsonPath("$.items[0].after.membershipStatus").value("SUSPENDED"))
                .andExpect(jsonPath("$.items[1].action").value("LOCATION_ADDED"))
                .andExpect(jsonPath("$.items[2].action").value("PARTNER_REGISTERED"))
                .andExpect(jsonPath("$.items[2].after.partnerId").doesNotExist())
                .andExpect(jsonPath("$.items[2].after.id").value(partner));
    }

    @Test
    void a_refused_change_leaves_no_entry() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String partner = fixtures.createPartner(Fixtures.unique("Refused"));
        mvc.perform(post("/api/v1/partners/{id}/locations", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"locationId\": \"1\", \"country\": \"FR\", \"membershipStatus\": \"ACTIVE\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit").param("subject", partner).with(admin()))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void a_new_user_is_recorded_without_any_password_hash() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String partner = fixtures.createPartner(Fixtures.unique("Users"));
        fixtures.addPartnerUser(partner, "SALES_AGENT");
        mvc.perform(get("/api/v1/audit").param("subject", partner).with(admin()))
                .andExpect(jsonPath("$.items[0].action").value("USER_CREATED"))
                .andExpect(jsonPath("$.items[0].after.roles[0]").value("SALES_AGENT"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("bcrypt"))));
    }

    @Test
    void the_bootstrap_admin_creation_is_recorded_as_done_by_the_system() throws Exception {
        // Under the admin's own id: the whole log of a shared test database grows past any one page.
        String adminId = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(mvc.perform(get("/api/v1/me").with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("userId")
                .asString();
        mvc.perform(get("/api/v1/audit")
                        .param("subject", adminId)
                        .param("size", "200")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.reason == 'bootstrap: no program admin existed')].actor")
                        .value(org.hamcrest.Matchers.hasItem("system")));
    }

    @Test
    void the_database_refuses_to_update_or_delete_an_entry() throws Exception {
        new Fixtures(mvc).createPartner(Fixtures.unique("Immutable"));
        assertThatThrownBy(() ->
                        jdbc.sql("UPDATE audit_entry SET actor = 'mallory'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = 'mallory'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
