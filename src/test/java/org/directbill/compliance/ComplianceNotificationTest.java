package org.directbill.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.directbill.enrollment.EnrollmentScenario;
import org.directbill.enrollment.EnrollmentTime;
import org.directbill.notification.EmailOutbox;
import org.directbill.notification.Mailbox;
import org.directbill.notification.Receiver;
import org.directbill.notification.WebhookOutbox;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A status change tells the partner by email (in the reader's language, naming each unmet
 * requirement and the next date) and other systems by a signed webhook, from the same transaction.
 */
@IntegrationTest
@Import(EnrollmentTime.class)
class ComplianceNotificationTest {

    static final Mailbox MAILBOX = new Mailbox();
    static final Receiver RECEIVER = new Receiver();
    static final String SECRET = "compliance-test-secret-0123456789";

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAILBOX::port);
        registry.add("directbill.notification.base-url", () -> "https://directbill.example");
        registry.add("directbill.webhooks.allow-http", () -> true);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    @Autowired
    MutableClock clock;

    @Autowired
    EmailOutbox emails;

    @Autowired
    WebhookOutbox webhooks;

    ActivePartner partner;

    @BeforeEach
    void anActivePartner() throws Exception {
        clock.set(EnrollmentTime.START);
        MAILBOX.up();
        partner = new ActivePartner(mvc, jdbc, rollups);
    }

    @AfterEach
    void down() {
        MAILBOX.down();
        clock.set(EnrollmentTime.START);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    @Test
    void the_at_risk_email_names_each_unmet_requirement_and_the_cure_deadline_in_french() throws Exception {
        String french = Fixtures.uniqueEmail("ga-fr");
        mvc.perform(post("/api/v1/partners/{id}/users", partner.id())
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "%s", "displayName": "GA", "password": "%s", "roles": ["GLOBAL_ADMIN"],
                                 "locale": "fr"}""".formatted(french, Fixtures.PASSWORD)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/compliance/runs")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2024-06-30\"}"))
                .andExpect(status().isOk());
        emails.deliverDue(clock.instant());

        List<MimeMessage> received = MAILBOX.to(french).stream()
                .filter(m -> subject(m).contains("à risque"))
                .toList();
        assertThat(received).as("the at-risk email to %s", french).hasSize(1);
        String text = Mailbox.part(received.get(0), "text/plain");
        assertThat(text)
                .contains("- Chiffre d’affaires CSP sur douze mois glissants (FR)")
                .contains("30 juillet 2024")
                .contains("https://directbill.example/partners/" + partner.id() + "/status");
        List<MimeMessage> english = MAILBOX.to(partner.s.globalAdmin).stream()
                .filter(m -> subject(m).equals("Your direct-bill status is at risk"))
                .toList();
        assertThat(english).hasSize(1);
        assertThat(Mailbox.part(english.get(0), "text/plain"))
                .contains("- Trailing-twelve-month CSP revenue (FR)", "July 30, 2024");
    }

    @Test
    void a_restriction_is_posted_to_the_subscribed_webhook_signed_over_its_bytes() throws Exception {
        String answer = mvc.perform(post("/api/v1/webhooks")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"url": "%s", "events": ["partner.status.restricted"], "secret": "%s"}""".formatted(RECEIVER.url("/compliance"), SECRET)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String endpoint = EnrollmentScenario.JSON.readTree(answer).get("id").asString();
        try {
            mvc.perform(post("/api/v1/partners/{id}/status-actions", partner.id())
                            .with(admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"action\": \"RESTRICT\", \"reason\": \"Unpaid invoices\"}"))
                    .andExpect(status().isOk());
            webhooks.deliverDue(clock.instant());

            List<Receiver.Received> posted = RECEIVER.at("/compliance").stream()
                    .filter(r -> r.text().contains(partner.id()))
                    .toList();
            assertThat(posted).hasSize(1);
            Receiver.Received restriction = posted.get(0);
            assertThat(restriction.header("X-Directbill-Event")).isEqualTo("partner.status.restricted");
            JsonNode body = EnrollmentScenario.JSON.readTree(restriction.text());
            assertThat(body.get("type").asString()).isEqualTo("partner.status.restricted");
            assertThat(body.get("data").get("from").asString()).isEqualTo("ACTIVE");
            assertThat(body.get("data").get("to").asString()).isEqualTo("RESTRICTED");
            assertThat(body.get("data").get("reason").asString()).isEqualTo("Unpaid invoices");
            assertThat(body.get("data").get("suspendOn").asString()).isEqualTo("2023-07-14");

            String signature = restriction.header("X-Directbill-Signature");
            String t = signature.substring(2, signature.indexOf(','));
            String v1 = signature.substring(signature.indexOf("v1=") + 3);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            assertThat(HexFormat.of().formatHex(mac.doFinal(restriction.body())))
                    .isEqualTo(v1);
        } finally {
            mvc.perform(delete("/api/v1/webhooks/{id}", endpoint).with(admin()));
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception unreadable) {
            return "";
        }
    }
}
