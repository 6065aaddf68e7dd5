package org.directbill.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.directbill.notification.EmailOutbox;
import org.directbill.notification.Mailbox;
import org.directbill.notification.NoticeFixtures;
import org.directbill.notification.NoticeFixtures.TestPartner;
import org.directbill.shared.notice.PartnerNotice;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/partners/{id}/notifications}, on a service without SMTP server: the notices in
 * the caller's language, newest first, a page at a time, emails written to the log and marked
 * LOGGED; who may read them; and the outbox for program admins.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class NotificationApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private TestPartner partner;
    private String globalAdmin;
    private String reportViewer;
    private String otherPartnersAdmin;
    private String integrationKey;

    @BeforeAll
    void aPartnerToldThreeTimes() throws Exception {
        NoticeFixtures fixtures = new NoticeFixtures(mvc, transactions, events);
        partner = fixtures.partner("FR");
        globalAdmin = fixtures.user(partner, "fr", "GLOBAL_ADMIN");
        reportViewer = fixtures.user(partner, "en", "REPORT_VIEWER");
        TestPartner other = fixtures.partner("FR");
        otherPartnersAdmin = fixtures.user(other, "fr", "GLOBAL_ADMIN");
        Fixtures directory = new Fixtures(mvc);
        integrationKey = directory.issueApiKey(
                directory.addStaff("INTEGRATION").get("id").asString());
        fixtures.publish(new PartnerNotice(
                partner.uuid(),
                "ENROLLMENT_INFO_REQUESTED",
                NoticeFixtures.uniqueKey("info"),
                List.of("FR", LocalDate.of(2026, 12, 5), "Send the Kbis extract."),
                "/enrollments/e-1"));
        fixtures.publish(new PartnerNotice(
                partner.uuid(),
                "ENROLLMENT_CREDIT_APPROVED",
                NoticeFixtures.uniqueKey("credit"),
                List.of("FR", new BigDecimal("250000")),
                "/enrollments/e-1"));
        fixtures.publish(new PartnerNotice(
                partner.uuid(),
                "ENROLLMENT_ACTIVATED",
                NoticeFixtures.uniqueKey("active"),
                List.of("FR", "2026-1"),
                "/enrollments/e-1"));
        fixtures.publish(new PartnerNotice(
                other.uuid(), "ENROLLMENT_REJECTED", NoticeFixtures.uniqueKey("rejected"), List.of("DE", "No."), null));
    }

    private ResultActions list(String who, String language, String query) throws Exception {
        return mvc.perform(get("/api/v1/partners/{id}/notifications" + query, partner.id())
                .with(as(who))
                .header("Accept-Language", language));
    }

    @Test
    void the_notices_are_listed_newest_first_in_english() throws Exception {
        list(globalAdmin, "en", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.items[0].kind").value("ENROLLMENT_ACTIVATED"))
                .andExpect(jsonPath("$.items[0].subject").value("You are now a direct-bill partner (FR)"))
                .andExpect(jsonPath("$.items[0].link").value("/enrollments/e-1"))
                .andExpect(jsonPath("$.items[1].kind").value("ENROLLMENT_CREDIT_APPROVED"))
                .andExpect(jsonPath("$.items[1].body")
                        .value(org.hamcrest.Matchers.containsString("with a credit limit of 250,000.00 USD.")))
                .andExpect(jsonPath("$.items[2].kind").value("ENROLLMENT_INFO_REQUESTED"))
                .andExpect(jsonPath("$.items[2].subject")
                        .value("Information requested for your direct-bill application (FR)"))
                .andExpect(
                        jsonPath("$.items[2].body")
                                .value(
                                        org.hamcrest.Matchers.containsString(
                                                "needs more information:\nSend the Kbis extract.\nAnswer in directbill by December 5, 2026.")));
    }

    @Test
    void the_same_notices_read_in_french_with_dates_and_amounts_the_french_way() throws Exception {
        JsonNode page = json(list(globalAdmin, "fr", ""));

        assertThat(page.at("/items/0/subject").asString())
                .isEqualTo("Vous êtes désormais partenaire en facturation directe (FR)");
        assertThat(Mailbox.spaces(page.at("/items/1/body").asString()))
                .contains("avec une limite de crédit de 250 000,00 USD.");
        assertThat(page.at("/items/2/body").asString())
                .contains("Répondez dans directbill au plus tard le 5 décembre 2026.");
        // The time the notice was stored, as an instant.
        assertThat(page.at("/items/0/createdAt").asString()).endsWith("Z");
    }

    @Test
    void a_page_at_a_time() throws Exception {
        JsonNode first = json(list(globalAdmin, "en", "?page=0&size=2"));
        JsonNode second = json(list(globalAdmin, "en", "?page=1&size=2"));

        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.at("/items/0/kind").asString()).isEqualTo("ENROLLMENT_INFO_REQUESTED");
        list(globalAdmin, "en", "?size=0")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void without_an_smtp_server_the_emails_go_to_the_log_and_are_marked_logged(CapturedOutput output) throws Exception {
        outbox.deliverDue(clock.instant());

        assertThat(output.getOut())
                .contains("Email (no SMTP server configured: spring.mail.host) to " + globalAdmin)
                .contains("Subject: Vous êtes désormais partenaire en facturation directe (FR)")
                .contains("Ouvrir dans directbill: http://localhost:8080/enrollments/e-1");
        JsonNode page = json(list(globalAdmin, "en", ""));
        for (JsonNode item : page.get("items")) {
            assertThat(item.get("emails")).hasSize(2);
            for (JsonNode email : item.get("emails")) {
                assertThat(email.get("status").asString()).isEqualTo("LOGGED");
                assertThat(email.get("recipient").asString()).isIn(globalAdmin, partner.contactEmail());
                assertThat(email.get("sentAt").isNull()).isTrue();
            }
        }
        mvc.perform(get("/api/v1/notifications/emails?status=LOGGED&size=200").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].recipient", hasItem(globalAdmin)))
                .andExpect(jsonPath(
                        "$.items[*].status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("LOGGED"))));
    }

    @Test
    void a_partner_user_who_may_not_see_its_users_reads_the_notices_without_their_emails() throws Exception {
        JsonNode page = json(list(reportViewer, "en", ""));

        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.at("/items/0").has("emails")).isFalse();
        assertThat(json(list(globalAdmin, "en", "")).at("/items/0").has("emails"))
                .isTrue();
    }

    @Test
    void program_staff_read_them_too() throws Exception {
        mvc.perform(get("/api/v1/partners/{id}/notifications", partner.id()).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void another_partners_user_hears_not_found_an_integration_key_forbidden_and_no_one_unauthorized() throws Exception {
        list(otherPartnersAdmin, "en", "")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PARTNER_NOT_FOUND"));
        mvc.perform(get("/api/v1/partners/{id}/notifications", partner.id())
                        .header("Authorization", "Bearer " + integrationKey))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/partners/{id}/notifications", partner.id())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/partners/{id}/notifications", java.util.UUID.randomUUID())
                        .with(admin()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/partners/not-an-id/notifications").with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void the_outbox_is_for_program_admins_and_an_unknown_status_is_refused_naming_the_field() throws Exception {
        mvc.perform(get("/api/v1/notifications/emails?status=lost")
                        .with(admin())
                        .header("Accept-Language", "fr"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("PENDING, SENDING, SENT, LOGGED, FAILED")));
        mvc.perform(get("/api/v1/notifications/emails?status=lost").with(as(globalAdmin)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/emails").header("Authorization", "Bearer " + integrationKey))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/emails?status=failed").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_email")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(
                result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
