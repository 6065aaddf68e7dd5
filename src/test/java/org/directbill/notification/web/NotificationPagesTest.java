package org.directbill.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.directbill.notification.Mailbox;
import org.directbill.notification.NoticeFixtures;
import org.directbill.notification.NoticeFixtures.TestPartner;
import org.directbill.shared.notice.PartnerNotice;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The notifications page of a partner, in French and in English, and who sees what on it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    private Pages pages;
    private NoticeFixtures fixtures;
    private TestPartner partner;
    private String globalAdmin;
    private String salesAgent;

    @BeforeAll
    void aPartnerToldTwice() throws Exception {
        pages = new Pages(mvc);
        fixtures = new NoticeFixtures(mvc, transactions, events);
        partner = fixtures.partner("FR");
        globalAdmin = fixtures.user(partner, "fr", "GLOBAL_ADMIN");
        salesAgent = fixtures.user(partner, "en", "SALES_AGENT");
        fixtures.publish(new PartnerNotice(
                partner.uuid(),
                "ENROLLMENT_INFO_REMINDER",
                NoticeFixtures.uniqueKey("reminder"),
                List.of("FR", LocalDate.of(2026, 12, 5), "Send the Kbis extract."),
                "/enrollments/e-7"));
        fixtures.publish(new PartnerNotice(
                partner.uuid(),
                "ENROLLMENT_CREDIT_APPROVED",
                NoticeFixtures.uniqueKey("credit"),
                List.of("FR", new BigDecimal("1000000")),
                "/enrollments/e-7"));
    }

    private String notifications(MockHttpSession session, String query) throws Exception {
        return pages.page(
                get("/partners/" + partner.id() + "/notifications" + query).session(session));
    }

    @Test
    void a_global_admin_reads_the_notices_in_french_newest_first_with_their_emails() throws Exception {
        String html = notifications(pages.signIn(globalAdmin, Fixtures.PASSWORD), "?lang=fr");
        String text = Mailbox.spaces(Pages.visibleText(html));

        assertThat(html).contains("<html lang=\"fr\"");
        assertThat(text)
                .contains("Notifications")
                .contains("Vérification de solvabilité réussie pour votre candidature à la facturation directe (FR)")
                .contains("avec une limite de crédit de 1 000 000,00 USD.")
                .contains("Rappel : informations toujours attendues")
                .contains("Répondez dans directbill au plus tard le 5 décembre 2026")
                .contains("E-mails", globalAdmin, partner.contactEmail())
                // waiting, or written to the log when another test of this service ran the outbox
                .containsAnyOf("En attente", "Journalisé (pas de serveur de messagerie)");
        assertThat(text.indexOf("Vérification de solvabilité réussie"))
                .as("newest first")
                .isLessThan(text.indexOf("Rappel : informations"));
        assertThat(html).contains("href=\"/enrollments/e-7\"");
        // Attempts and errors are for program staff.
        assertThat(text).doesNotContain("tentative(s)");
    }

    @Test
    void in_english_the_same_notices_read_in_english() throws Exception {
        String text = Pages.visibleText(notifications(pages.signIn(globalAdmin, Fixtures.PASSWORD), "?lang=en"));

        assertThat(text)
                .contains("Credit check passed for your direct-bill application (FR)")
                .contains("with a credit limit of 1,000,000.00 USD.")
                .contains("Answer in directbill by December 5, 2026")
                .contains("Emails")
                .containsAnyOf("Waiting", "Logged (no mail server)");
    }

    @Test
    void a_partner_user_who_may_not_see_its_users_reads_the_notices_without_the_emails() throws Exception {
        String text = Pages.visibleText(notifications(pages.signIn(salesAgent, Fixtures.PASSWORD), ""));

        assertThat(text)
                .contains("Credit check passed")
                .doesNotContain(globalAdmin)
                .doesNotContain("Emails");
    }

    @Test
    void program_staff_also_see_the_attempts_and_the_partner_page_links_to_the_notifications() throws Exception {
        MockHttpSession admin = pages.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);

        assertThat(Pages.visibleText(notifications(admin, "?lang=en"))).containsPattern("[01] attempt\\(s\\)");
        assertThat(pages.page(get("/partners/" + partner.id()).session(admin)))
                .contains("href=\"/partners/" + partner.id() + "/notifications\"");
    }

    @Test
    void another_partners_user_hears_not_found_and_a_partner_without_notice_says_so() throws Exception {
        TestPartner other = fixtures.partner("US");
        String otherAdmin = fixtures.user(other, "en", "GLOBAL_ADMIN");
        MockHttpSession session = pages.signIn(otherAdmin, Fixtures.PASSWORD);

        mvc.perform(get("/partners/" + partner.id() + "/notifications").session(session))
                .andExpect(status().isNotFound());
        assertThat(Pages.visibleText(pages.page(
                        get("/partners/" + other.id() + "/notifications").session(session))))
                .contains("No notification yet.");
    }
}
