package org.directbill.notification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.directbill.shared.notice.PartnerNotice;
import org.directbill.support.Fixtures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Partners with known addresses and languages, and notices published as a module publishes them. */
public final class NoticeFixtures {

    /** A partner, its primary contact's address and its country. */
    public record TestPartner(String id, String contactEmail, String country) {
        public UUID uuid() {
            return UUID.fromString(id);
        }
    }

    private final MockMvc mvc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    public NoticeFixtures(MockMvc mvc, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.mvc = mvc;
        this.transactions = transactions;
        this.events = events;
    }

    public TestPartner partner(String country) throws Exception {
        String contact = Fixtures.uniqueEmail("contact");
        String body = """
                {"legalName": "%s", "country": "%s", "registrationId": "%s",
                 "address": {"line1": "1 Main Street", "city": "Springfield", "postalCode": "12345", "country": "%s"},
                 "primaryContact": {"name": "Pat Contact", "email": "%s"}}""".formatted(Fixtures.unique("Partner "), country, Fixtures.unique("REG"), country, contact);
        String answer = mvc.perform(post("/api/v1/partners")
                        .with(Fixtures.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonMapper.builder().build().readTree(answer).get("id").asString();
        return new TestPartner(id, contact, country);
    }

    /** A user of the partner with these roles and this saved language; returns its email. */
    public String user(TestPartner partner, String locale, String... roles) throws Exception {
        String email = Fixtures.uniqueEmail("user");
        String roleList = String.join(
                ",", List.of(roles).stream().map(r -> "\"" + r + "\"").toList());
        mvc.perform(post("/api/v1/partners/{id}/users", partner.id())
                        .with(Fixtures.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "%s", "displayName": "Test User", "password": "%s", "roles": [%s], "locale": "%s"}""".formatted(email, Fixtures.PASSWORD, roleList, locale)))
                .andExpect(status().isCreated());
        return email;
    }

    /** Publishes the notice in a transaction that commits, as a module does with its change. */
    public void publish(PartnerNotice notice) {
        transactions.executeWithoutResult(status -> events.publishEvent(notice));
    }

    /** Publishes the notice in a transaction that then rolls back. */
    public void publishAndRollBack(PartnerNotice notice) {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(notice);
            status.setRollbackOnly();
        });
    }

    public static String uniqueKey(String what) {
        return what + ":" + UUID.randomUUID();
    }
}
