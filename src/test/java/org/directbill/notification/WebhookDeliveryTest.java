package org.directbill.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.directbill.shared.notice.PartnerEvent;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner events POSTed to a local receiver: signed over the raw bytes, exactly when the change
 * committed, once per key, retried with a growing wait until answered 2xx, in order per partner
 * without holding other partners up, and each attempt in the delivery log.
 */
@IntegrationTest
@Import(WebhookDeliveryTest.MovableTime.class)
class WebhookDeliveryTest {

    static final Receiver RECEIVER = new Receiver();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        // The receiver is plain http on 127.0.0.1: allowed here only.
        registry.add("directbill.webhooks.allow-http", () -> true);
        registry.add("directbill.webhooks.connect-timeout", () -> "1s");
        registry.add("directbill.webhooks.read-timeout", () -> "1s");
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
    WebhookOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    private final List<String> registered = new ArrayList<>();

    @BeforeEach
    void later() {
        clock.advance(Duration.ofDays(1));
    }

    /** Each test's endpoints go, so that no other test's events are sent to them. */
    @AfterEach
    void deleteEndpoints() throws Exception {
        for (String id : registered) {
            mvc.perform(delete("/api/v1/webhooks/{id}", id).with(admin())).andExpect(status().isNoContent());
        }
        registered.clear();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop();
    }

    private String register(String url, String secret, String... types) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", List.of(types));
        body.put("secret", secret);
        String answer = mvc.perform(post("/api/v1/webhooks")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JSON.readTree(answer).get("id").asString();
        registered.add(id);
        return id;
    }

    private static Map<String, Object> data(UUID partner, String from, String to) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerId", partner.toString());
        data.put("from", from);
        data.put("to", to);
        data.put("effectiveOn", "2026-11-21");
        data.put("cause", "ASSESSMENT_FAILED");
        data.put("reason", "Revenue 250,000 USD < 300,000 USD; ça arrive");
        data.put("markets", List.of("FR"));
        data.put("cureDeadline", "2026-12-21");
        return data;
    }

    private PartnerEvent event(UUID partner, String to) {
        return new PartnerEvent(
                partner,
                "partner.status." + to.toLowerCase(java.util.Locale.ROOT),
                "status:" + UUID.randomUUID(),
                data(partner, "ACTIVE", to));
    }

    private void publish(PartnerEvent event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** A delivery's row, as stored. */
    record Row(
            String id,
            String status,
            int attempts,
            Instant nextAttemptAt,
            @Nullable Integer lastHttpStatus,
            @Nullable String lastError) {}

    private List<Row> rows(String endpoint) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE endpoint_id = ? ORDER BY event_seq")
                .param(UUID.fromString(endpoint))
                .query((rs, n) -> new Row(
                        rs.getString("id"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                        (Integer) rs.getObject("last_http_status"),
                        rs.getString("last_error")))
                .list();
    }

    private static String path() {
        return "/" + Fixtures.unique("hooks-");
    }

    private static String hmacHex(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** What a receiver does: recompute the HMAC over the timestamp, a dot and the raw body, and compare. */
    private static boolean signedWith(Receiver.Received request, String secret) throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : request.header("X-Directbill-Signature").split(",")) {
            String[] pair = part.split("=", 2);
            parts.put(pair[0], pair[1]);
        }
        byte[] signed = (parts.get("t") + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[signed.length + request.body().length];
        System.arraycopy(signed, 0, message, 0, signed.length);
        System.arraycopy(request.body(), 0, message, signed.length, request.body().length);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return MessageDigest.isEqual(mac.doFinal(message), HexFormat.of().parseHex(parts.get("v1")));
    }

    @Test
    void a_committed_status_change_is_posted_signed_to_each_endpoint_subscribed_to_its_type() throws Exception {
        String everyPath = path();
        String atRiskPath = path();
        String revokedPath = path();
        String every = register(RECEIVER.url(everyPath), "secret-of-every-status", "partner.status.*");
        String atRisk = register(RECEIVER.url(atRiskPath), "secret-of-at-risk-only", "partner.status.at_risk");
        String revoked = register(RECEIVER.url(revokedPath), "secret-of-revoked-only", "partner.status.revoked");
        UUID partner = UUID.randomUUID();
        PartnerEvent event = event(partner, "AT_RISK");
        publish(event);
        Instant now = clock.instant();

        assertThat(rows(every)).hasSize(1);
        assertThat(rows(atRisk)).hasSize(1);
        assertThat(rows(revoked)).as("not subscribed to at_risk").isEmpty();

        outbox.deliverDue(now);

        Receiver.Received received = RECEIVER.at(everyPath).get(0);
        assertThat(RECEIVER.at(everyPath)).hasSize(1);
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header("X-Directbill-Event")).isEqualTo("partner.status.at_risk");
        assertThat(received.header("X-Directbill-Delivery"))
                .isEqualTo(rows(every).get(0).id());
        assertThat(received.header("X-Directbill-Signature"))
                .startsWith("t=" + now.getEpochSecond() + ",v1=")
                .isEqualTo("t=" + now.getEpochSecond() + ",v1="
                        + hmacHex("secret-of-every-status", now.getEpochSecond() + "." + received.text()));
        assertThat(signedWith(received, "secret-of-every-status")).isTrue();
        assertThat(signedWith(received, "secret-of-at-risk-only")).isFalse();

        JsonNode body = JSON.readTree(received.body());
        assertThat(body.propertyNames()).containsExactly("id", "type", "occurredAt", "partnerId", "data");
        assertThat(body.get("type").asString()).isEqualTo("partner.status.at_risk");
        assertThat(body.get("occurredAt").asString()).isEqualTo(now.toString());
        assertThat(body.get("partnerId").asString()).isEqualTo(partner.toString());
        assertThat(body.get("data").get("to").asString()).isEqualTo("AT_RISK");
        assertThat(body.get("data").get("reason").asString()).isEqualTo("Revenue 250,000 USD < 300,000 USD; ça arrive");
        assertThat(body.get("data").get("markets").get(0).asString()).isEqualTo("FR");
        assertThat(body.get("data").get("cureDeadline").asString()).isEqualTo("2026-12-21");

        Receiver.Received toAtRisk = RECEIVER.at(atRiskPath).get(0);
        assertThat(signedWith(toAtRisk, "secret-of-at-risk-only")).isTrue();
        assertThat(toAtRisk.text()).as("one event, one body").isEqualTo(received.text());
        assertThat(rows(every).get(0).status()).isEqualTo("DELIVERED");
        assertThat(RECEIVER.at(revokedPath)).isEmpty();
    }

    @Test
    void a_rolled_back_change_sends_nothing_and_the_same_key_twice_is_sent_once() throws Exception {
        String path = path();
        String endpoint = register(RECEIVER.url(path), "0123456789abcdef", "partner.status.*");
        UUID partner = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(event(partner, "RESTRICTED"));
            status.setRollbackOnly();
        });
        assertThat(rows(endpoint)).isEmpty();

        PartnerEvent twice = event(partner, "SUSPENDED");
        publish(twice);
        publish(twice);
        transactions.executeWithoutResult(status -> {
            events.publishEvent(twice);
            events.publishEvent(twice);
        });
        outbox.deliverDue(clock.instant());

        assertThat(rows(endpoint)).hasSize(1);
        assertThat(RECEIVER.at(path)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_event WHERE event_key = ?")
                        .param(twice.key())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_receiver_answering_503_then_200_gets_the_event_exactly_once_after_the_wait() throws Exception {
        String path = path();
        String endpoint = register(RECEIVER.url(path), "0123456789abcdef", "partner.status.at_risk");
        RECEIVER.answer(path, 503);
        publish(event(UUID.randomUUID(), "AT_RISK"));
        Instant first = clock.instant();

        outbox.deliverDue(first);

        Row row = rows(endpoint).get(0);
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastHttpStatus()).isEqualTo(503);
        assertThat(row.lastError()).isEqualTo("HTTP 503");
        assertThat(row.nextAttemptAt()).isEqualTo(first.plusSeconds(10));

        clock.advance(Duration.ofSeconds(9));
        outbox.deliverDue(clock.instant());
        assertThat(RECEIVER.at(path)).as("the wait is not over").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        outbox.deliverDue(clock.instant());
        assertThat(RECEIVER.at(path)).hasSize(2);
        assertThat(RECEIVER.at(path).stream().map(Receiver.Received::answered)).containsExactly(503, 200);
        assertThat(RECEIVER.at(path).get(1).text())
                .isEqualTo(RECEIVER.at(path).get(0).text());
        assertThat(signedWith(RECEIVER.at(path).get(1), "0123456789abcdef")).isTrue();
        assertThat(rows(endpoint).get(0).status()).isEqualTo("DELIVERED");
        assertThat(rows(endpoint).get(0).attempts()).isEqualTo(2);

        clock.advance(Duration.ofHours(2));
        outbox.deliverDue(clock.instant());
        assertThat(RECEIVER.at(path)).as("delivered once: never again").hasSize(2);
    }

    @Test
    void the_wait_doubles_and_a_refused_connection_or_a_slow_answer_is_a_failed_attempt_too() throws Exception {
        String failing = path();
        String failingEndpoint = register(RECEIVER.url(failing), "0123456789abcdef", "partner.status.*");
        RECEIVER.answer(failing, 500, 502);
        String refused = register("http://127.0.0.1:1/nobody-listens", "0123456789abcdef", "partner.status.*");
        String slow = path();
        RECEIVER.slow(slow, Duration.ofSeconds(3));
        String slowEndpoint = register(RECEIVER.url(slow), "0123456789abcdef", "partner.status.*");
        publish(event(UUID.randomUUID(), "REVOKED"));
        Instant first = clock.instant();

        outbox.deliverDue(first);
        clock.advance(Duration.ofSeconds(10));
        outbox.deliverDue(clock.instant());

        Row twice = rows(failingEndpoint).get(0);
        assertThat(twice.attempts()).isEqualTo(2);
        assertThat(twice.lastError()).isEqualTo("HTTP 502");
        assertThat(twice.nextAttemptAt()).as("10 s, then 20 s").isEqualTo(first.plusSeconds(30));

        Row noAnswer = rows(refused).get(0);
        assertThat(noAnswer.status()).isEqualTo("PENDING");
        assertThat(noAnswer.lastHttpStatus()).isNull();
        assertThat(noAnswer.lastError()).contains("ConnectException");

        Row timedOut = rows(slowEndpoint).get(0);
        assertThat(timedOut.status()).isEqualTo("PENDING");
        assertThat(timedOut.lastHttpStatus()).isNull();
        assertThat(timedOut.lastError()).startsWith("Timeout");
        assertThat(jdbc.sql("SELECT MIN(duration_ms) FROM webhook_attempt WHERE delivery_id = ?")
                        .param(UUID.fromString(timedOut.id()))
                        .query(Long.class)
                        .single())
                .as("waited for the read timeout, not for the receiver")
                .isBetween(900L, 2900L);
    }

    @Test
    void one_partners_events_arrive_in_order_and_a_failing_one_does_not_hold_other_partners_up() throws Exception {
        String path = path();
        String endpoint = register(RECEIVER.url(path), "0123456789abcdef", "partner.status.*");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publish(event(first, "AT_RISK"));
        publish(event(first, "RESTRICTED"));
        publish(event(second, "AT_RISK"));
        RECEIVER.answer(path, 503);
        Instant start = clock.instant();

        outbox.deliverDue(start);

        assertThat(RECEIVER.at(path).stream().map(WebhookDeliveryTest::what))
                .as("the first partner's first event fails; its second waits; the other partner's goes")
                .containsExactly(first + " partner.status.at_risk 503", second + " partner.status.at_risk 200");
        assertThat(rows(endpoint).stream().map(r -> r.status() + " " + r.attempts()))
                .containsExactly("PENDING 1", "PENDING 0", "DELIVERED 1");

        // Even when its own time has come, the later event waits for the earlier one.
        clock.advance(Duration.ofSeconds(5));
        outbox.deliverDue(clock.instant());
        assertThat(RECEIVER.at(path)).hasSize(2);

        clock.advance(Duration.ofSeconds(5));
        outbox.deliverDue(clock.instant());

        assertThat(RECEIVER.at(path).stream().map(WebhookDeliveryTest::what))
                .containsExactly(
                        first + " partner.status.at_risk 503",
                        second + " partner.status.at_risk 200",
                        first + " partner.status.at_risk 200",
                        first + " partner.status.restricted 200");
        assertThat(rows(endpoint).stream().map(Row::status)).containsOnly("DELIVERED");
    }

    private static String what(Receiver.Received request) {
        JsonNode body = JSON.readTree(request.body());
        return body.get("partnerId").asString() + " " + body.get("type").asString() + " " + request.answered();
    }

    @Test
    void the_delivery_log_lists_the_deliveries_newest_first_and_each_attempt() throws Exception {
        String path = path();
        String endpoint = register(RECEIVER.url(path), "0123456789abcdef", "partner.status.*");
        UUID partner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        publish(event(partner, "AT_RISK"));
        publish(event(other, "SUSPENDED"));
        RECEIVER.answer(path, 503);
        Instant first = clock.instant();
        outbox.deliverDue(first);
        clock.advance(Duration.ofSeconds(10));
        outbox.deliverDue(clock.instant());
        String delivery = rows(endpoint).get(0).id();

        mvc.perform(get("/api/v1/webhooks/{id}/deliveries", endpoint).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[0].eventType").value("partner.status.suspended"))
                .andExpect(jsonPath("$.items[0].partnerId").value(other.toString()))
                .andExpect(jsonPath("$.items[1].id").value(delivery))
                .andExpect(jsonPath("$.items[1].status").value("DELIVERED"))
                .andExpect(jsonPath("$.items[1].attempts").value(2))
                .andExpect(jsonPath("$.items[1].lastHttpStatus").value(200))
                .andExpect(jsonPath("$.items[1].nextAttemptAt").doesNotExist());
        mvc.perform(get("/api/v1/webhooks/{id}/deliveries?partnerId={p}&status=delivered", endpoint, partner)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(delivery));
        mvc.perform(get("/api/v1/webhooks/{id}/deliveries?status=LOST", endpoint)
                        .with(admin())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_ENUM"));
        mvc.perform(get("/api/v1/webhooks/{id}/deliveries?partnerId=nobody", endpoint)
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("partnerId"));

        mvc.perform(get("/api/v1/webhooks/{id}/deliveries/{d}", endpoint, delivery)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DELIVERED"))
                .andExpect(jsonPath("$.body").value(RECEIVER.at(path).get(0).text()))
                .andExpect(jsonPath("$.attemptLog.length()").value(2))
                .andExpect(jsonPath("$.attemptLog[0].attempt").value(1))
                .andExpect(jsonPath("$.attemptLog[0].at").value(first.toString()))
                .andExpect(jsonPath("$.attemptLog[0].httpStatus").value(503))
                .andExpect(jsonPath("$.attemptLog[0].error").value("HTTP 503"))
                .andExpect(jsonPath("$.attemptLog[0].durationMs").isNumber())
                .andExpect(jsonPath("$.attemptLog[1].httpStatus").value(200))
                .andExpect(jsonPath("$.attemptLog[1].error").doesNotExist());
        mvc.perform(get("/api/v1/webhooks/{id}/deliveries/{d}", endpoint, UUID.randomUUID())
                        .with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("DELIVERY_NOT_FOUND"));
    }

    @Test
    void a_disabled_endpoint_keeps_its_waiting_deliveries_until_enabled_and_a_deleted_one_cancels_them()
            throws Exception {
        String path = path();
        String endpoint = register(RECEIVER.url(path), "0123456789abcdef", "partner.status.*");
        UUID partner = UUID.randomUUID();
        publish(event(partner, "AT_RISK"));
        RECEIVER.answer(path, 503);
        outbox.deliverDue(clock.instant());
        enabled(endpoint, false);

        publish(event(partner, "RESTRICTED"));
        clock.advance(Duration.ofMinutes(5));
        outbox.deliverDue(clock.instant());
        assertThat(RECEIVER.at(path)).as("nothing to a disabled endpoint").hasSize(1);
        assertThat(rows(endpoint)).as("no event kept for it while disabled").hasSize(1);

        enabled(endpoint, true);
        outbox.deliverDue(clock.instant());
        assertThat(RECEIVER.at(path)).hasSize(2);
        assertThat(rows(endpoint).get(0).status()).isEqualTo("DELIVERED");

        String doomedPath = path();
        String doomed = register(RECEIVER.url(doomedPath), "0123456789abcdef", "partner.status.*");
        publish(event(partner, "SUSPENDED"));
        mvc.perform(delete("/api/v1/webhooks/{id}", doomed).with(admin())).andExpect(status().isNoContent());
        outbox.deliverDue(clock.instant());

        assertThat(RECEIVER.at(doomedPath)).isEmpty();
        assertThat(rows(doomed).get(0).status()).isEqualTo("CANCELLED");
        mvc.perform(get("/api/v1/webhooks/{id}/deliveries", doomed).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].status").value("CANCELLED"));
    }

    private void enabled(String endpoint, boolean enabled) throws Exception {
        mvc.perform(patch("/api/v1/webhooks/{id}", endpoint)
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": " + enabled + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(enabled));
    }

    @Test
    void a_delivered_event_is_sent_again_on_request_with_the_same_delivery_id() throws Exception {
        String path = path();
        String endpoint = register(RECEIVER.url(path), "0123456789abcdef", "partner.status.*");
        publish(event(UUID.randomUUID(), "ACTIVE"));
        outbox.deliverDue(clock.instant());
        String delivery = rows(endpoint).get(0).id();

        mvc.perform(post("/api/v1/webhooks/{id}/deliveries/{d}/redeliver", endpoint, delivery)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
        outbox.deliverDue(clock.instant());

        assertThat(RECEIVER.at(path)).hasSize(2);
        assertThat(RECEIVER.at(path).get(1).header("X-Directbill-Delivery")).isEqualTo(delivery);
        assertThat(RECEIVER.at(path).get(1).text())
                .isEqualTo(RECEIVER.at(path).get(0).text());
        assertThat(rows(endpoint).get(0).status()).isEqualTo("DELIVERED");
        assertThat(rows(endpoint).get(0).attempts()).isEqualTo(2);
    }

    @Test
    void a_delivery_left_sending_by_a_stopped_node_is_sent_again_after_the_lease() throws Exception {
        String path = path();
        String endpoint = register(RECEIVER.url(path), "0123456789abcdef", "partner.status.*");
        publish(event(UUID.randomUUID(), "ACTIVE"));
        Instant now = clock.instant();
        jdbc.sql("UPDATE webhook_delivery SET status = 'SENDING', attempts = 1, claimed_at = ? WHERE endpoint_id = ?")
                .params(
                        OffsetDateTime.ofInstant(now.minusSeconds(30), java.time.ZoneOffset.UTC),
                        UUID.fromString(endpoint))
                .update();

        outbox.deliverDue(now);
        assertThat(RECEIVER.at(path))
                .as("within the lease, another node may still be sending it")
                .isEmpty();

        // The lease: both timeouts (1 s each here) and a minute.
        clock.advance(Duration.ofSeconds(33));
        outbox.deliverDue(clock.instant());
        assertThat(RECEIVER.at(path)).hasSize(1);
        assertThat(rows(endpoint).get(0).status()).isEqualTo("DELIVERED");
        assertThat(rows(endpoint).get(0).attempts()).isEqualTo(2);
    }
}
