package org.directbill.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/webhooks} on a service that allows https endpoints only: registering with every
 * mistake reported by field, in the caller's language; reading, never the secret; enabling,
 * disabling and deleting; and only program admins may.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "whsec-abcdefghijklmnop-WXYZ";
    // Nothing listens on port 1: should any test elsewhere deliver to these, it fails at once.
    private static final String URL = "https://127.0.0.1:1/directbill/events";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final Map<String, RequestPostProcessor> refused = new LinkedHashMap<>();

    @BeforeAll
    void everyoneButTheProgramAdmin() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String partner = fixtures.createPartner("Webhook partner");
        refused.put(
                "reviewer", httpBasic(fixtures.addStaff("REVIEWER").get("email").asString(), Fixtures.PASSWORD));
        refused.put(
                "credit analyst",
                httpBasic(fixtures.addStaff("CREDIT_ANALYST").get("email").asString(), Fixtures.PASSWORD));
        String key =
                fixtures.issueApiKey(fixtures.addStaff("INTEGRATION").get("id").asString());
        refused.put("integration", request -> {
            request.addHeader("Authorization", "Bearer " + key);
            return request;
        });
        refused.put("partner global admin", Fixtures.as(fixtures.addPartnerUser(partner, "GLOBAL_ADMIN")));
        refused.put("partner report viewer", Fixtures.as(fixtures.addPartnerUser(partner, "REPORT_VIEWER")));
    }

    private static String body(String url, String events, String secret) {
        return """
                {"url": "%s", "events": %s, "secret": "%s", "description": "Our ERP"}""".formatted(url, events, secret);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode register(String events) throws Exception {
        String answer = mvc.perform(json(post("/api/v1/webhooks").with(admin()), body(URL, events, SECRET)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(answer);
    }

    @Test
    void a_program_admin_registers_an_endpoint_and_reads_it_without_its_secret() throws Exception {
        String answer = mvc.perform(json(
                        post("/api/v1/webhooks").with(admin()),
                        body(URL, "[\"partner.status.at_risk\", \"partner.status.revoked\"]", SECRET)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/webhooks/")))
                .andExpect(jsonPath("$.url").value(URL))
                .andExpect(jsonPath("$.events[1]").value("partner.status.revoked"))
                .andExpect(jsonPath("$.description").value("Our ERP"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.secretSet").value(true))
                .andExpect(jsonPath("$.secretHint").value("…WXYZ"))
                .andExpect(jsonPath("$.createdBy").value("admin"))
                .andExpect(jsonPath("$.deletedAt").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JSON.readTree(answer).get("id").asString();
        assertThat(answer).doesNotContain(SECRET).doesNotContain("\"secret\"");

        String read = mvc.perform(get("/api/v1/webhooks/{id}", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String listed = mvc.perform(get("/api/v1/webhooks?size=200").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(200))
                .andExpect(jsonPath("$.total").isNumber())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(read + listed).contains(id).doesNotContain(SECRET);
        // Kept as given, to sign with: the one copy is in the database.
        assertThat(jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = ?")
                        .param(java.util.UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo(SECRET);
    }

    @Test
    void every_mistake_is_a_field_error_in_the_callers_language_and_nothing_is_stored() throws Exception {
        long before = count();
        mvc.perform(json(
                        post("/api/v1/webhooks").with(admin()).header("Accept-Language", "en"),
                        body(
                                "http://erp.example.com/hooks",
                                "[\"partner.status.active\", \"partner.status.*\", \"partner.status.gone\"]",
                                "too-short")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].code").value("WEBHOOK_HTTPS_REQUIRED"))
                .andExpect(
                        jsonPath("$.errors[0].message")
                                .value(
                                        "http://erp.example.com/hooks is not encrypted: webhooks are sent to https addresses only."))
                .andExpect(jsonPath("$.errors[1].field").value("events[2]"))
                .andExpect(jsonPath("$.errors[1].code").value("UNKNOWN_EVENT_TYPE"))
                .andExpect(jsonPath("$.errors[2].field").value("secret"))
                .andExpect(jsonPath("$.errors[2].code").value("SECRET_LENGTH"))
                .andExpect(jsonPath("$.errors[2].message").value("Between 16 and 200 characters; this one has 9."));
        mvc.perform(json(
                        post("/api/v1/webhooks").with(admin()).header("Accept-Language", "fr"),
                        body("erp.example.com", "[]", SECRET)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.startsWith(
                                "erp.example.com n’est pas une adresse à laquelle envoyer un webhook")))
                .andExpect(jsonPath("$.errors[1].field").value("events"))
                .andExpect(jsonPath("$.errors[1].code").value("EMPTY_LIST"));
        mvc.perform(json(
                        post("/api/v1/webhooks").with(admin()),
                        "{\"url\": \"" + URL + "\", \"events\": [\"partner.status.*\"], \"secret\": \"" + SECRET
                                + "\", \"headers\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
        mvc.perform(json(post("/api/v1/webhooks").with(admin()), "{\"url\": 42, \"events\": \"all\"}"))
                .andExpect(status().isBadRequest());

        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint")
                .query(Long.class)
                .single();
    }

    @Test
    void disabled_enabled_and_deleted_an_endpoint_stays_readable_but_leaves_the_list() throws Exception {
        String id = register("[\"partner.status.*\"]").get("id").asString();

        mvc.perform(json(patch("/api/v1/webhooks/{id}", id).with(admin()), "{\"enabled\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(json(patch("/api/v1/webhooks/{id}", id).with(admin()), "{\"enabled\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(json(patch("/api/v1/webhooks/{id}", id).with(admin()), "{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enabled"))
                .andExpect(jsonPath("$.errors[0].code").value("REQUIRED"));
        mvc.perform(json(patch("/api/v1/webhooks/{id}", id).with(admin()), "{\"url\": \"https://elsewhere.example\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));

        mvc.perform(delete("/api/v1/webhooks/{id}", id).with(admin())).andExpect(status().isNoContent());
        // Deleting again changes nothing.
        mvc.perform(delete("/api/v1/webhooks/{id}", id).with(admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/webhooks/{id}", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.deletedAt").isString());
        assertThat(mvc.perform(get("/api/v1/webhooks?size=200").with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(id);
        mvc.perform(json(patch("/api/v1/webhooks/{id}", id).with(admin()), "{\"enabled\": true}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("WEBHOOK_DELETED"));
        mvc.perform(get("/api/v1/webhooks/{id}/deliveries", id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void an_unknown_endpoint_is_not_found() throws Exception {
        for (String id : new String[] {java.util.UUID.randomUUID().toString(), "not-an-id"}) {
            mvc.perform(get("/api/v1/webhooks/{id}", id).with(admin()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("WEBHOOK_NOT_FOUND"));
            mvc.perform(delete("/api/v1/webhooks/{id}", id).with(admin())).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/webhooks/{id}/deliveries", id).with(admin()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void only_program_admins_may_and_anonymous_callers_sign_in_first() throws Exception {
        String id = register("[\"partner.status.*\"]").get("id").asString();
        String delivery = java.util.UUID.randomUUID().toString();
        long before = count();
        for (var caller : refused.entrySet()) {
            RequestPostProcessor who = caller.getValue();
            String as = caller.getKey();
            mvc.perform(json(post("/api/v1/webhooks").with(who), body(URL, "[\"partner.status.*\"]", SECRET)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"));
            for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                get("/api/v1/webhooks"),
                get("/api/v1/webhooks/{id}", id),
                json(patch("/api/v1/webhooks/{id}", id), "{\"enabled\": false}"),
                delete("/api/v1/webhooks/{id}", id),
                get("/api/v1/webhooks/{id}/deliveries", id),
                get("/api/v1/webhooks/{id}/deliveries/{d}", id, delivery),
                post("/api/v1/webhooks/{id}/deliveries/{d}/redeliver", id, delivery)
            }) {
                int answered =
                        mvc.perform(request.with(who)).andReturn().getResponse().getStatus();
                assertThat(answered).as("%s %s", as, request).isEqualTo(403);
            }
        }
        mvc.perform(json(post("/api/v1/webhooks"), body(URL, "[\"partner.status.*\"]", SECRET)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/webhooks")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/webhooks/{id}/deliveries", id)).andExpect(status().isUnauthorized());

        assertThat(count()).isEqualTo(before);
        mvc.perform(get("/api/v1/webhooks/{id}", id).with(admin()))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.deletedAt").doesNotExist());
    }
}
