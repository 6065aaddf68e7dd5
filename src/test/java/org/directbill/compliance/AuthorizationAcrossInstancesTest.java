package org.directbill.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.directbill.DirectbillApplication;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.directbill.support.ProductionBeansOnly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service on one database: a status changed through this test's instance (A)
 * is seen by the other's authorization answers (B, a second application with a web server of its
 * own) within a second, through the database's change counter; and an instance started afterwards
 * (a restart) answers from the stored status at once. On the PostgreSQL pass both share the test's
 * PostgreSQL database; on H2, its in-memory database (shared within this JVM).
 *
 * <p>The test profile polls only every hour (application-test.yml), so A sees its own changes by
 * its commit hook alone; B is given the default 200 ms.
 */
@IntegrationTest
class AuthorizationAcrossInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUIRED = Duration.ofSeconds(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password:}")
    String password;

    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext other;

    @AfterEach
    void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void a_status_changed_on_one_instance_is_seen_by_the_other_within_a_second_and_after_a_restart() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        String partner = fixtures.createPartner(Fixtures.unique("TwoInstances"));
        String location = fixtures.addLocation(partner, "FR", "ACTIVE");
        new Activations(events, transactions).activate(partner, "FR", LocalDate.of(2024, 3, 1));
        String key =
                fixtures.issueApiKey(fixtures.addStaff("INTEGRATION").get("id").asString());

        other = startAnotherInstance();
        assertThat(other.getBeansOfType(MutableClock.class))
                .as("configured as in production")
                .isEmpty();
        int port = port(other);
        assertThat(ask(port, key, partner).get("status").asString())
                .as("B read the stored standing when it started")
                .isEqualTo("ACTIVE");

        mvc.perform(post("/api/v1/partners/{id}/status-actions", partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"RESTRICT\", \"reason\": \"Unpaid invoices\"}"))
                .andExpect(status().isOk());
        long changed = System.nanoTime();
        JsonNode seen;
        do {
            seen = ask(port, key, partner);
        } while (!seen.get("status").asString().equals("RESTRICTED")
                && System.nanoTime() - changed < REQUIRED.multipliedBy(5).toNanos());
        Duration took = Duration.ofNanos(System.nanoTime() - changed);
        assertThat(seen.get("status").asString()).isEqualTo("RESTRICTED");
        assertThat(seen.get("code").asString()).isEqualTo("RESTRICTED");
        assertThat(took).as("B saw the change after %s ms", took.toMillis()).isLessThan(REQUIRED);

        // A restart: a new instance over the same database answers from the stored status at once.
        other.close();
        other = startAnotherInstance();
        JsonNode restarted = ask(port(other), key, partner);
        assertThat(restarted.get("status").asString()).isEqualTo("RESTRICTED");
        assertThat(restarted.get("allowed").asBoolean()).isFalse();
        JsonNode byLocation = authorize(port(other), key, """
                {"locationId": "%s", "action": "RENEW_SUBSCRIPTION"}""".formatted(location));
        assertThat(byLocation.get("allowed").asBoolean()).isTrue();
        assertThat(byLocation.get("status").asString()).isEqualTo("RESTRICTED");
    }

    private ConfigurableApplicationContext startAnotherInstance() {
        // Command-line arguments: they win over the profiles' files.
        return new SpringApplicationBuilder(DirectbillApplication.class)
                .profiles("test")
                .initializers(new ProductionBeansOnly())
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + username,
                        "--spring.datasource.password=" + password,
                        "--server.port=0",
                        "--db-scheduler.enabled=false",
                        "--directbill.compliance.view-refresh=PT0.2S");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private JsonNode ask(int port, String key, String partner) throws Exception {
        return authorize(port, key, """
                {"partnerId": "%s", "action": "NEW_ADDON"}""".formatted(partner));
    }

    private JsonNode authorize(int port, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/authorizations"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
