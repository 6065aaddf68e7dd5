package org.directbill.partner.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Authentication and hardening of the API and the operations endpoints. */
@IntegrationTest
class ApiSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void an_unauthenticated_call_is_told_how_to_authenticate_in_its_language() throws Exception {
        mvc.perform(get("/api/v1/partners").header("Accept-Language", "fr-CA,fr;q=0.9"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.detail").value(containsString("Connectez-vous")));
    }

    @Test
    void api_answers_carry_security_headers_and_create_no_session() throws Exception {
        mvc.perform(get("/api/v1/me").with(Fixtures.admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void a_bearer_token_that_is_no_api_key_is_refused_when_no_issuer_is_configured() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void health_is_public_and_metrics_need_a_program_admin_or_a_machine() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        Fixtures fixtures = new Fixtures(mvc);
        String reviewer = fixtures.addStaff("REVIEWER").get("email").asString();
        mvc.perform(get("/actuator/prometheus").with(Fixtures.as(reviewer))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(Fixtures.admin()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("jvm_memory_used_bytes")));
        String machine = fixtures.addStaff("INTEGRATION").get("id").asString();
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + fixtures.issueApiKey(machine)))
                .andExpect(status().isOk());
    }

    @Test
    void the_api_documentation_is_public() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/partners']").exists());
    }
}
