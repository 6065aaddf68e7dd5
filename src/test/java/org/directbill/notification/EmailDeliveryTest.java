package org.directbill.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.notification.Mailbox.part;
import static org.directbill.notification.Mailbox.spaces;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.directbill.notification.NoticeFixtures.TestPartner;
import org.directbill.notification.domain.NoticeArgument;
import org.directbill.notification.internal.NoticeStore;
import org.directbill.shared.notice.Localizable;
import org.directbill.shared.notice.PartnerNotice;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices mailed through a real SMTP server (GreenMail): in each recipient's language, never twice,
 * retried with backoff while the server is down, given up after the maximum number of attempts.
 */
@IntegrationTest
@Import(EmailDeliveryTest.MovableTime.class)
class EmailDeliveryTest {

    static final Mailbox MAILBOX = new Mailbox();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAILBOX::port);
        registry.add("directbill.notification.base-url", () -> "https://directbill.example/");
        registry.add("directbill.notification.from", () -> "notices@directbill.example");
        registry.add("directbill.notification.max-attempts", () -> 3);
    }

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    NoticeStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    private NoticeFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new NoticeFixtures(mvc, transactions, events);
        // Each test starts after every earlier test's waits, so their emails never wait on ours.
        clock.advance(Duration.ofDays(1));
    }

    @AfterEach
    void serverDown() {
        MAILBOX.down();
    }

    private static PartnerNotice creditApproved(TestPartner partner, String market, String enrollment) {
        return new PartnerNotice(
                partner.uuid(),
                "ENROLLMENT_CREDIT_APPROVED",
                NoticeFixtures.uniqueKey("credit-approved"),
                List.of(market, new BigDecimal("1000000")),
                "/enrollments/" + enrollment);
    }

    @Test
    void
            the_credit_approval_is_mailed_to_each_global_admin_in_its_language_with_the_amount_its_way_and_an_absolute_link()
                    throws Exception {
        TestPartner french = fixtures.partner("FR");
        String frenchAdmin = fixtures.user(french, "fr", "GLOBAL_ADMIN");
        TestPartner english = fixtures.partner("US");
        String englishAdmin = fixtures.user(english, "en", "GLOBAL_ADMIN");
        fixtures.publish(creditApproved(french, "FR", "e-fr"));
        fixtures.publish(creditApproved(english, "US", "e-us"));
        MAILBOX.up();

        outbox.deliverDue(clock.instant());

        MimeMessage fr = single(frenchAdmin);
        assertThat(fr.getSubject())
                .isEqualTo("Vérification de solvabilité réussie pour votre candidature à la facturation directe (FR)");
        assertThat(fr.getFrom()[0].toString()).isEqualTo("notices@directbill.example");
        assertThat(spaces(part(fr, "text/plain")))
                .contains(
                        "La vérification de solvabilité de votre candidature à la facturation directe sur le marché FR"
                                + " est réussie, avec une limite de crédit de 1 000 000,00 USD.")
                .contains(
                        "achetez votre plan de support (Advanced Support for Partners ou Premier Support for Partners)")
                .contains("Ouvrir dans directbill: https://directbill.example/enrollments/e-fr");
        assertThat(spaces(part(fr, "text/html")))
                .contains("<html lang=\"fr\">")
                .contains("limite de crédit de 1 000 000,00 USD")
                .contains("<a href=\"https://directbill.example/enrollments/e-fr\">Ouvrir dans directbill</a>");
        assertThat(fr.getMessageID()).isEqualTo(storedMessageId(frenchAdmin)).endsWith("@directbill.example>");

        MimeMessage en = single(englishAdmin);
        assertThat(en.getSubject()).isEqualTo("Credit check passed for your direct-bill application (US)");
        assertThat(part(en, "text/plain"))
                .contains("The credit check of your direct-bill application for the US market passed,"
                        + " with a credit limit of 1,000,000.00 USD.")
                .contains("buy your support plan (Advanced Support for Partners or Premier Support for Partners)")
                .contains("Open in directbill: https://directbill.example/enrollments/e-us");
        assertThat(part(en, "text/html"))
                .contains("<html lang=\"en\">")
                .contains("credit limit of 1,000,000.00 USD")
                .contains("<a href=\"https://directbill.example/enrollments/e-us\">Open in directbill</a>");

        // The primary contacts too, in their country's language.
        assertThat(single(french.contactEmail()).getSubject()).startsWith("Vérification de solvabilité réussie");
        assertThat(single(english.contactEmail()).getSubject()).startsWith("Credit check passed");
        assertThat(status(frenchAdmin)).isEqualTo("SENT");
    }

    @Test
    void with_the_smtp_server_down_then_up_the_email_is_retried_after_its_wait_and_arrives_exactly_once()
            throws Exception {
        TestPartner partner = fixtures.partner("FR");
        String admin = fixtures.user(partner, "fr", "GLOBAL_ADMIN");
        fixtures.publish(creditApproved(partner, "FR", "e-1"));
        Instant first = clock.instant();

        outbox.deliverDue(first);

        Row row = row(admin);
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.nextAttemptAt()).isEqualTo(first.plus(Duration.ofMinutes(1)));
        assertThat(row.lastError()).isNotBlank();

        // The server is back, but the wait is not over: nothing is tried.
        MAILBOX.up();
        clock.advance(Duration.ofSeconds(59));
        outbox.deliverDue(clock.instant());
        assertThat(MAILBOX.to(admin)).isEmpty();
        assertThat(row(admin).attempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        outbox.deliverDue(clock.instant());
        assertThat(MAILBOX.to(admin)).hasSize(1);
        assertThat(row(admin).status()).isEqualTo("SENT");
        assertThat(row(admin).attempts()).isEqualTo(2);

        outbox.deliverDue(clock.instant());
        clock.advance(Duration.ofHours(2));
        outbox.deliverDue(clock.instant());
        assertThat(MAILBOX.to(admin)).hasSize(1);
    }

    @Test
    void the_same_key_published_twice_tells_the_partner_once() throws Exception {
        TestPartner partner = fixtures.partner("FR");
        String admin = fixtures.user(partner, "en", "GLOBAL_ADMIN");
        PartnerNotice notice = creditApproved(partner, "FR", "e-2");
        fixtures.publish(notice);
        fixtures.publish(notice);
        transactions.executeWithoutResult(status -> {
            events.publishEvent(notice);
            events.publishEvent(notice);
        });
        MAILBOX.up();

        outbox.deliverDue(clock.instant());

        assertThat(count("SELECT COUNT(*) FROM notice WHERE notice_key = ?", notice.key()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM notice_email e JOIN notice n ON n.id = e.notice_id WHERE n.notice_key = ?",
                        notice.key()))
                .as("one email to the global admin, one to the primary contact")
                .isEqualTo(2);
        assertThat(MAILBOX.to(admin)).hasSize(1);
        assertThat(MAILBOX.to(partner.contactEmail())).hasSize(1);
    }

    @Test
    void a_notice_whose_change_rolled_back_is_neither_stored_nor_mailed() throws Exception {
        TestPartner partner = fixtures.partner("FR");
        String admin = fixtures.user(partner, "fr", "GLOBAL_ADMIN");
        PartnerNotice notice = creditApproved(partner, "FR", "e-3");

        fixtures.publishAndRollBack(notice);
        MAILBOX.up();
        outbox.deliverDue(clock.instant());

        assertThat(count("SELECT COUNT(*) FROM notice WHERE partner_id = ?", partner.uuid()))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM notice_email WHERE recipient = ?", admin))
                .isZero();
        assertThat(MAILBOX.to(admin)).isEmpty();
        assertThat(MAILBOX.to(partner.contactEmail())).isEmpty();
    }

    @Test
    void a_kind_without_words_of_its_own_is_still_mailed_in_generic_words() throws Exception {
        TestPartner partner = fixtures.partner("BE");
        fixtures.publish(new PartnerNotice(
                partner.uuid(),
                "COMPLIANCE_SOMETHING_NEW",
                NoticeFixtures.uniqueKey("new"),
                List.of("FR", LocalDate.of(2027, 3, 15), new BigDecimal("2500.5")),
                null));
        MAILBOX.up();

        outbox.deliverDue(clock.instant());

        MimeMessage email = single(partner.contactEmail());
        assertThat(email.getSubject())
                .isEqualTo("Du nouveau sur votre compte partenaire en facturation directe (COMPLIANCE_SOMETHING_NEW)");
        assertThat(spaces(part(email, "text/plain")))
                .contains("Votre compte partenaire en facturation directe a changé (COMPLIANCE_SOMETHING_NEW) :"
                        + " FR · 15 mars 2027 · 2 500,50.")
                .doesNotContain("Ouvrir dans directbill");
    }

    @Test
    void a_list_argument_is_stored_with_its_types_and_read_one_line_per_element_in_the_email_and_in_the_app()
            throws Exception {
        TestPartner partner = fixtures.partner("FR");
        String frenchAdmin = fixtures.user(partner, "fr", "GLOBAL_ADMIN");
        String englishAdmin = fixtures.user(partner, "en", "GLOBAL_ADMIN");
        PartnerNotice notice = new PartnerNotice(
                partner.uuid(),
                "ENROLLMENT_REJECTED",
                NoticeFixtures.uniqueKey("rejected"),
                List.of(
                        "FR",
                        List.of(
                                "No support plan",
                                LocalDate.of(2026, 12, 21),
                                new BigDecimal("300000"),
                                Localizable.of("requirement.code.SUPPORT_PLAN"))),
                null);
        fixtures.publish(notice);
        MAILBOX.up();

        outbox.deliverDue(clock.instant());

        long id = jdbc.sql("SELECT id FROM notice WHERE notice_key = ?")
                .param(notice.key())
                .query(Long.class)
                .single();
        assertThat(store.find(id).orElseThrow().arguments())
                .containsExactly(
                        new NoticeArgument.Text("FR"),
                        new NoticeArgument.Items(List.of(
                                new NoticeArgument.Text("No support plan"),
                                new NoticeArgument.Date(LocalDate.of(2026, 12, 21)),
                                new NoticeArgument.Amount(new BigDecimal("300000")),
                                new NoticeArgument.Message("requirement.code.SUPPORT_PLAN", List.of()))));
        String french = "Note du responsable de l’examen :\n- No support plan\n- 21 décembre 2026\n- 300 000,00\n"
                + "- Plan de support actif (ASfP ou PSfP)\nVérifiez votre éligibilité";
        String english = "The reviewer’s note:\n- No support plan\n- December 21, 2026\n- 300,000.00\n"
                + "- Active support plan (ASfP or PSfP)\nCheck your eligibility";
        assertThat(lines(part(single(frenchAdmin), "text/plain"))).contains(french);
        assertThat(lines(part(single(englishAdmin), "text/plain"))).contains(english);
        assertThat(lines(inTheApp(partner, frenchAdmin, "fr"))).contains(french);
        assertThat(lines(inTheApp(partner, englishAdmin, "en"))).contains(english);
    }

    /** The newest notice's body as the partner's user reads it in the app, in a language. */
    private String inTheApp(TestPartner partner, String user, String language) throws Exception {
        String answer = mvc.perform(get("/api/v1/partners/{id}/notifications", partner.id())
                        .with(Fixtures.as(user))
                        .header("Accept-Language", language))
                .andExpect(MockMvcResultMatchers.status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonMapper.builder()
                .build()
                .readTree(answer)
                .get("items")
                .get(0)
                .get("body")
                .asString();
    }

    /** Lines as written, whatever the line endings mail transport gave them, spaces plain. */
    private static String lines(String text) {
        return spaces(text).replace("\r\n", "\n");
    }

    @Test
    void an_email_left_sending_by_a_stopped_node_is_sent_again_after_the_lease_with_the_same_message_id()
            throws Exception {
        TestPartner partner = fixtures.partner("FR");
        String admin = fixtures.user(partner, "fr", "GLOBAL_ADMIN");
        fixtures.publish(creditApproved(partner, "FR", "e-4"));
        Instant now = clock.instant();
        // A node claimed it five minutes ago and stopped before recording the outcome.
        leftSending(admin, now.minus(Duration.ofMinutes(5)));
        MAILBOX.up();

        outbox.deliverDue(now);
        assertThat(MAILBOX.to(admin))
                .as("within the lease: another node may still be sending it")
                .isEmpty();

        clock.advance(Duration.ofMinutes(6));
        outbox.deliverDue(clock.instant());

        assertThat(MAILBOX.to(admin)).hasSize(1);
        assertThat(single(admin).getMessageID()).isEqualTo(storedMessageId(admin));
        assertThat(row(admin).status()).isEqualTo("SENT");
        assertThat(row(admin).attempts()).isEqualTo(2);
    }

    @Test
    void outboxes_running_at_once_on_several_threads_send_each_email_once() throws Exception {
        TestPartner partner = fixtures.partner("FR");
        List<String> admins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            admins.add(fixtures.user(partner, i % 2 == 0 ? "fr" : "en", "GLOBAL_ADMIN"));
        }
        fixtures.publish(creditApproved(partner, "FR", "e-5"));
        MAILBOX.up();
        Instant now = clock.instant();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<EmailOutbox.Delivery>> runs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            runs.add(() -> {
                start.await();
                return outbox.deliverDue(now);
            });
        }
        List<Future<EmailOutbox.Delivery>> results = new ArrayList<>();
        try {
            runs.forEach(run -> results.add(pool.submit(run)));
            start.countDown();
            int sent = 0;
            for (Future<EmailOutbox.Delivery> result : results) {
                sent += result.get().sent();
            }
            assertThat(sent).isGreaterThanOrEqualTo(6);
        } finally {
            pool.shutdownNow();
        }

        for (String admin : admins) {
            assertThat(MAILBOX.to(admin)).as(admin).hasSize(1);
        }
        assertThat(MAILBOX.to(partner.contactEmail())).hasSize(1);
    }

    @Test
    void after_the_maximum_number_of_attempts_an_email_is_failed_and_never_sent() throws Exception {
        TestPartner partner = fixtures.partner("US");
        String admin = fixtures.user(partner, "en", "GLOBAL_ADMIN");
        fixtures.publish(creditApproved(partner, "US", "e-6"));

        outbox.deliverDue(clock.instant());
        assertThat(row(admin).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));
        outbox.deliverDue(clock.instant());
        assertThat(row(admin).status()).isEqualTo("PENDING");
        assertThat(row(admin).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(2));
        outbox.deliverDue(clock.instant());

        assertThat(row(admin).status()).isEqualTo("FAILED");
        assertThat(row(admin).attempts()).isEqualTo(3);
        MAILBOX.up();
        clock.advance(Duration.ofHours(2));
        outbox.deliverDue(clock.instant());
        assertThat(MAILBOX.to(admin)).isEmpty();
    }

    record Row(String status, int attempts, Instant nextAttemptAt, String lastError) {}

    private Row row(String recipient) {
        return jdbc.sql("SELECT status, attempts, next_attempt_at, last_error FROM notice_email WHERE recipient = ?")
                .param(recipient)
                .query((rs, i) -> new Row(
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                        rs.getString("last_error")))
                .single();
    }

    private String status(String recipient) {
        return row(recipient).status();
    }

    private String storedMessageId(String recipient) {
        return jdbc.sql("SELECT message_id FROM notice_email WHERE recipient = ?")
                .param(recipient)
                .query(String.class)
                .single();
    }

    private void leftSending(String recipient, Instant claimedAt) {
        jdbc.sql("UPDATE notice_email SET status = 'SENDING', attempts = 1, claimed_at = ? WHERE recipient = ?")
                .params(OffsetDateTime.ofInstant(claimedAt, ZoneOffset.UTC), recipient)
                .update();
    }

    private long count(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    private static MimeMessage single(String recipient) throws Exception {
        List<MimeMessage> received = MAILBOX.to(recipient);
        assertThat(received).as("emails to %s", recipient).hasSize(1);
        return received.get(0);
    }
}
