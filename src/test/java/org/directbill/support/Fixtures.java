package org.directbill.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds test data through the API itself, as the bootstrap admin, with values unique per call. */
public final class Fixtures {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "a-long-test-password";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    public Fixtures(MockMvc mvc) {
        this.mvc = mvc;
    }

    public static RequestPostProcessor admin() {
        return httpBasic(ADMIN, ADMIN_PASSWORD);
    }

    public static RequestPostProcessor as(String email) {
        return httpBasic(email, PASSWORD);
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "-"
                + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    public static String uniqueEmail(String who) {
        return unique(who) + "@example.com";
    }

    /** A location ID no other test uses: 9 digits. */
    public static String uniqueLocationId() {
        return String.valueOf(100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
    }

    public static String partnerBody(String name, String country) {
        return """
                {"legalName": "%s", "country": "%s", "registrationId": "%s",
                 "address": {"line1": "1 Main Street", "city": "Springfield", "postalCode": "12345", "country": "%s"},
                 "primaryContact": {"name": "Pat Contact", "email": "%s"}}""".formatted(name, country, unique("REG"), country, uniqueEmail("contact"));
    }

    public String createPartner(String name) throws Exception {
        return created(post("/api/v1/partners"), partnerBody(name, "FR"))
                .get("id")
                .asString();
    }

    public String addLocation(String partnerId, String country, String status) throws Exception {
        String locationId = uniqueLocationId();
        created(post("/api/v1/partners/{id}/locations", partnerId), """
                {"locationId": "%s", "country": "%s", "membershipStatus": "%s"}""".formatted(locationId, country, status));
        return locationId;
    }

    /** Creates a partner user and returns its email (its password is {@link #PASSWORD}). */
    public String addPartnerUser(String partnerId, String... roles) throws Exception {
        String email = uniqueEmail("user");
        created(post("/api/v1/partners/{id}/users", partnerId), userBody(email, roles));
        return email;
    }

    /** Creates a program staff or machine account and returns its id. */
    public JsonNode addStaff(String... roles) throws Exception {
        return created(post("/api/v1/users"), userBody(uniqueEmail("staff"), roles));
    }

    public String issueApiKey(String userId) throws Exception {
        return created(post("/api/v1/users/{id}/api-keys", userId), "{\"name\": \"test key\"}")
                .get("key")
                .asString();
    }

    static String userBody(String email, String... roles) {
        String roleList = String.join(
                ",", List.of(roles).stream().map(r -> "\"" + r + "\"").toList());
        return """
                {"email": "%s", "displayName": "Test User", "password": "%s", "roles": [%s], "locale": "en"}""".formatted(email, PASSWORD, roleList);
    }

    private JsonNode created(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        String answer = mvc.perform(request.with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(answer);
    }
}
