package org.directbill.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.directbill.notification.NoticeFixtures.TestPartner;
import org.directbill.shared.notice.PartnerEvent;
import org.directbill.shared.notice.PartnerNotice;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With db-scheduler running (off in the other tests), the recurring tasks {@code notification-outbox}
 * and {@code webhook-outbox} deliver a notice's email and a partner event by themselves. The context
 * is closed afterwards, so its scheduler stops.
 */
@IntegrationTest
@DirtiesContext
class OutboxSchedulerTest {

    static final Mailbox MAILBOX = new Mailbox();

    @DynamicPropertySource
    static void schedulerAndSmtp(DynamicPropertyRegistry registry) {
        registry.add("db-scheduler.enabled", () -> true);
        registry.add("db-scheduler.polling-interval", () -> "1s");
        registry.add("directbill.notification.outbox-interval", () -> "1s");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAILBOX::port);
        registry.add("directbill.webhooks.every", () -> "1s");
        registry.add("directbill.webhooks.allow-http", () -> true);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    static final Receiver RECEIVER = new Receiver();

    @AfterAll
    static void serverDown() {
        MAILBOX.down();
        RECEIVER.stop();
    }

    @Test
    void the_scheduled_outbox_task_sends_a_published_notice_without_being_called() throws Exception {
        MAILBOX.up();
        NoticeFixtures fixtures = new NoticeFixtures(mvc, transactions, events);
        TestPartner partner = fixtures.partner("US");
        String admin = fixtures.user(partner, "en", "GLOBAL_ADMIN");

        fixtures.publish(new PartnerNotice(
                partner.uuid(),
                "ENROLLMENT_CREDIT_APPROVED",
                NoticeFixtures.uniqueKey("scheduled"),
                List.of("US", new BigDecimal("50000")),
                "/enrollments/e-9"));

        assertThat(MAILBOX.waitFor(2, 30_000)).as("two emails within 30 s").isTrue();
        assertThat(MAILBOX.to(admin)).hasSize(1);
        assertThat(MAILBOX.to(admin).get(0).getSubject())
                .isEqualTo("Credit check passed for your direct-bill application (US)");
        assertThat(MAILBOX.to(partner.contactEmail())).hasSize(1);
    }

    @Test
    void the_scheduled_webhook_task_posts_a_published_event_without_being_called() throws Exception {
        mvc.perform(post("/api/v1/webhooks")
                        .with(Fixtures.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"url": "%s", "events": ["partner.status.*"], "secret": "0123456789abcdef"}""".formatted(RECEIVER.url("/scheduled"))))
                .andExpect(status().isCreated());
        UUID partner = UUID.randomUUID();

        transactions.executeWithoutResult(status -> events.publishEvent(new PartnerEvent(
                partner, "partner.status.suspended", "scheduled:" + partner, Map.of("to", "SUSPENDED"))));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (RECEIVER.at("/scheduled").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(RECEIVER.at("/scheduled")).as("posted within 30 s").hasSize(1);
        assertThat(RECEIVER.at("/scheduled").get(0).text()).contains(partner.toString(), "partner.status.suspended");
    }
}
