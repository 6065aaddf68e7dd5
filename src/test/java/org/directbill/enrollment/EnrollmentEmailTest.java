package org.directbill.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.directbill.notification.EmailOutbox;
import org.directbill.notification.Mailbox;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
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

/**
 * The seeds: the partner is emailed when the credit check passes. Through the enrollment API to a
 * real SMTP server (GreenMail), in each Global admin's language; and the other steps' notices.
 */
@IntegrationTest
@Import(EnrollmentTime.class)
class EnrollmentEmailTest {

    static final Mailbox MAILBOX = new Mailbox();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAILBOX::port);
        registry.add("directbill.notification.base-url", () -> "https://directbill.example");
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
    EmailOutbox outbox;

    @Autowired
    EnrollmentTimers timers;

    EnrollmentScenario s;

    @BeforeEach
    void aPartnerReadyToEnroll() throws Exception {
        clock.set(EnrollmentTime.START);
        s = new EnrollmentScenario(mvc, jdbc, rollups);
        MAILBOX.up();
    }

    @AfterEach
    void serverDown() {
        MAILBOX.down();
        clock.set(EnrollmentTime.START);
    }

    private String globalAdmin(String locale) throws Exception {
        String email = Fixtures.uniqueEmail("ga-" + locale);
        mvc.perform(post("/api/v1/partners/{id}/users", s.partner)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "%s", "displayName": "GA", "password": "%s", "roles": ["GLOBAL_ADMIN"],
                                 "locale": "%s"}""".formatted(email, Fixtures.PASSWORD, locale)))
                .andExpect(status().isCreated());
        return email;
    }

    @Test
    void the_credit_approval_is_emailed_in_french_and_in_english() throws Exception {
        String french = globalAdmin("fr");
        String english = s.globalAdmin;
        String id = s.creditApproved();
        outbox.deliverDue(clock.instant());

        List<MimeMessage> toFrench = MAILBOX.to(french);
        assertThat(toFrench).hasSize(1);
        assertThat(toFrench.get(0).getSubject())
                .isEqualTo("Vérification de solvabilité réussie pour votre candidature à la facturation directe (FR)");
        String frenchText = Mailbox.part(toFrench.get(0), "text/plain");
        assertThat(frenchText)
                .containsPattern("250\\h000,00 USD")
                .contains("https://directbill.example/enrollments/" + id)
                .doesNotContain("250,000.00");

        List<MimeMessage> toEnglish = MAILBOX.to(english);
        assertThat(toEnglish).hasSize(1);
        assertThat(toEnglish.get(0).getSubject())
                .isEqualTo("Credit check passed for your direct-bill application (FR)");
        assertThat(Mailbox.part(toEnglish.get(0), "text/plain"))
                .contains("250,000.00 USD", "https://directbill.example/enrollments/" + id);

        outbox.deliverDue(clock.instant().plus(Duration.ofHours(2)));
        assertThat(MAILBOX.to(french)).as("never twice").hasSize(1);
    }

    @Test
    void the_information_request_its_reminder_and_the_withdrawal_are_told_in_the_app_and_by_email() throws Exception {
        String id = s.start();
        s.submit(id, as(s.globalAdmin)).andExpect(status().isOk());
        s.review(id, as(s.reviewer), """
                        {"decision": "INFO_REQUESTED", "note": "Send your Kbis extract", "dueDate": "2023-06-30"}""").andExpect(status().isOk());
        timers.run(LocalDate.of(2023, 6, 28));
        clock.set(java.time.Instant.parse("2023-07-01T06:00:00Z"));
        timers.run(LocalDate.of(2023, 7, 1));
        outbox.deliverDue(clock.instant());

        List<String> subjects = MAILBOX.to(s.globalAdmin).stream()
                .map(message -> {
                    try {
                        return message.getSubject();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(subjects).hasSize(3);
        mvc.perform(get("/api/v1/partners/{id}/notifications", s.partner).with(as(s.reportViewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].kind").value("ENROLLMENT_WITHDRAWN_PAST_DUE"))
                .andExpect(jsonPath("$.items[1].kind").value("ENROLLMENT_INFO_REMINDER"))
                .andExpect(jsonPath("$.items[2].kind").value("ENROLLMENT_INFO_REQUESTED"))
                .andExpect(jsonPath("$.items[2].link").value("/enrollments/" + id));
    }

    @Test
    void rejection_and_activation_are_told_too() throws Exception {
        String rejected = s.start();
        s.submit(rejected, as(s.globalAdmin)).andExpect(status().isOk());
        s.review(rejected, as(s.reviewer), "{\"decision\": \"REJECTED\", \"note\": \"Unknown registration\"}")
                .andExpect(status().isOk());
        String active = s.creditApproved();
        s.supportPlan("2023-06-14").andExpect(status().isCreated());
        s.accept(active, "2018-08").andExpect(status().isOk());
        mvc.perform(get("/api/v1/partners/{id}/notifications", s.partner).with(as(s.globalAdmin)))
                .andExpect(jsonPath("$.items[0].kind").value("ENROLLMENT_ACTIVATED"))
                .andExpect(jsonPath("$.items[1].kind").value("ENROLLMENT_CREDIT_APPROVED"))
                .andExpect(jsonPath("$.items[2].kind").value("ENROLLMENT_REJECTED"));
    }
}
