package org.directbill.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.directbill.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.directbill.enrollment.domain.CreditBureauRequest;
import org.directbill.enrollment.domain.CreditBureauRequestRecords;
import org.directbill.enrollment.domain.EnrollmentId;
import org.directbill.enrollment.domain.HmacSigner;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.IntegrationTest;
import org.directbill.support.MutableClock;
import org.jspecify.annotations.Nullable;
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
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * The credit bureau port, against a bureau played by a local HTTP server: the signed request sent
 * from the outbox when an enrollment enters CREDIT_CHECK, its retries, and the signed webhook that
 * brings the decision back.
 */
@IntegrationTest
@Import(EnrollmentTime.class)
class CreditBureauTest {

    static final String SECRET = "a-shared-secret-for-the-bureau";
    static final String CALLBACK = "https://directbill.example.com/api/v1/credit-bureau/decisions";
    static final int MAX_ATTEMPTS = 3;

    /** One request the bureau received, and what it answered. */
    record Received(
            @Nullable String timestamp,
            @Nullable String signature,
            @Nullable String contentType,
            byte[] body,
            int answered) {

        JsonNode json() {
            return EnrollmentScenario.JSON.readTree(body);
        }
    }

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static volatile int answer = 200;
    static final HttpServer BUREAU = bureau();

    static HttpServer bureau() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/checks", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status = answer;
                RECEIVED.add(new Received(
                        exchange.getRequestHeaders().getFirst(HmacSigner.TIMESTAMP_HEADER),
                        exchange.getRequestHeaders().getFirst(HmacSigner.SIGNATURE_HEADER),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        body,
                        status));
                byte[] reply = status == 200
                        ? "{\"reference\": \"BUR-42\", \"queued\": true}".getBytes(StandardCharsets.UTF_8)
                        : new byte[0];
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
                exchange.getResponseBody().write(reply);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void connectTheBureau(DynamicPropertyRegistry registry) {
        registry.add(
                "directbill.credit-bureau.url",
                () -> "http://127.0.0.1:" + BUREAU.getAddress().getPort() + "/checks");
        registry.add("directbill.credit-bureau.secret", () -> SECRET);
        registry.add("directbill.credit-bureau.callback-url", () -> CALLBACK);
        registry.add("directbill.credit-bureau.max-attempts", () -> MAX_ATTEMPTS);
    }

    @AfterAll
    static void stopTheBureau() {
        BUREAU.stop(0);
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
    CreditBureauRequests requests;

    @Autowired
    CreditBureauRequestRecords outbox;

    EnrollmentScenario s;

    @BeforeEach
    void aPartnerReadyToEnroll() throws Exception {
        s = new EnrollmentScenario(mvc, jdbc, rollups);
    }

    @AfterEach
    void putTheClockAndTheBureauBack() {
        clock.set(EnrollmentTime.START);
        answer = 200;
    }

    // --- the request, through the outbox

    @Test
    void entering_credit_check_sends_one_signed_request_with_the_partners_data() throws Exception {
        String id = s.inCreditCheck();
        CreditBureauRequest queued = request(id);
        assertThat(queued.status()).isEqualTo(CreditBureauRequest.Status.PENDING);
        assertThat(received(id))
                .as("nothing is sent before the outbox is worked")
                .isEmpty();

        requests.deliverDue(clock.instant());

        List<Received> got = received(id);
        assertThat(got).hasSize(1);
        Received sent = got.get(0);
        assertThat(sent.contentType()).startsWith("application/json");
        assertThat(sent.timestamp()).isEqualTo(Long.toString(EnrollmentTime.START.getEpochSecond()));
        assertThat(HmacSigner.of(SECRET).check(sent.timestamp(), sent.signature(), sent.body(), clock.instant()))
                .isEqualTo(HmacSigner.Check.VALID);
        assertThat(HmacSigner.of("another-secret")
                        .check(sent.timestamp(), sent.signature(), sent.body(), clock.instant()))
                .isEqualTo(HmacSigner.Check.INVALID);

        JsonNode partner = EnrollmentScenario.json(s.read("/api/v1/partners/" + s.partner, admin()));
        JsonNode body = sent.json();
        assertThat(body.get("requestId").asString()).isEqualTo(queued.id().toString());
        assertThat(body.get("enrollmentId").asString()).isEqualTo(id);
        assertThat(body.get("partnerId").asString()).isEqualTo(s.partner);
        assertThat(body.get("legalName").asString())
                .isEqualTo(partner.get("legalName").asString())
                .startsWith("Enrolling");
        assertThat(body.get("country").asString()).isEqualTo("FR");
        assertThat(body.get("registrationId").asString())
                .isEqualTo(partner.get("registrationId").asString());
        assertThat(body.get("address").get("line1").asString()).isEqualTo("1 Main Street");
        assertThat(body.get("address").get("city").asString()).isEqualTo("Springfield");
        assertThat(body.get("address").get("postalCode").asString()).isEqualTo("12345");
        assertThat(body.get("address").get("country").asString()).isEqualTo("FR");
        assertThat(body.get("market").asString()).isEqualTo("FR");
        assertThat(body.get("callbackUrl").asString()).isEqualTo(CALLBACK);

        CreditBureauRequest done = request(id);
        assertThat(done.status()).isEqualTo(CreditBureauRequest.Status.SENT);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.reference()).isEqualTo("BUR-42");
        assertThat(done.sentAt()).isEqualTo(EnrollmentTime.START);

        requests.deliverDue(clock.instant().plus(Duration.ofDays(1)));
        assertThat(received(id)).as("a request taken is not sent again").hasSize(1);
    }

    @Test
    void a_bureau_answering_503_is_asked_again_only_after_the_wait_and_takes_it_once() throws Exception {
        String id = s.inCreditCheck();
        answer = 503;

        requests.deliverDue(clock.instant());

        CreditBureauRequest waiting = request(id);
        assertThat(waiting.status()).isEqualTo(CreditBureauRequest.Status.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(EnrollmentTime.START.plus(Duration.ofMinutes(1)));
        assertThat(waiting.lastError()).contains("503");
        assertThat(received(id)).hasSize(1);

        answer = 200;
        clock.advance(Duration.ofSeconds(59));
        requests.deliverDue(clock.instant());
        assertThat(received(id)).as("not sent again before its next attempt").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        requests.deliverDue(clock.instant());
        requests.deliverDue(clock.instant());
        clock.advance(Duration.ofHours(2));
        requests.deliverDue(clock.instant());

        List<Received> got = received(id);
        assertThat(got).extracting(Received::answered).containsExactly(503, 200);
        assertThat(got.get(1).timestamp())
                .as("signed when sent again, not when first tried")
                .isEqualTo(Long.toString(EnrollmentTime.START.plusSeconds(60).getEpochSecond()));
        CreditBureauRequest taken = request(id);
        assertThat(taken.status()).isEqualTo(CreditBureauRequest.Status.SENT);
        assertThat(taken.attempts()).isEqualTo(2);
        assertThat(taken.reference()).isEqualTo("BUR-42");
        assertThat(taken.lastError()).isNull();
    }

    @Test
    void a_request_never_taken_is_given_up_after_the_configured_attempts() throws Exception {
        String id = s.inCreditCheck();
        answer = 500;

        requests.deliverDue(clock.instant());
        clock.advance(Duration.ofMinutes(1));
        requests.deliverDue(clock.instant());
        assertThat(request(id).nextAttemptAt())
                .as("the wait doubles")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
        clock.advance(Duration.ofMinutes(2));
        requests.deliverDue(clock.instant());
        clock.advance(Duration.ofHours(5));
        requests.deliverDue(clock.instant());

        assertThat(received(id)).hasSize(MAX_ATTEMPTS);
        CreditBureauRequest given = request(id);
        assertThat(given.status()).isEqualTo(CreditBureauRequest.Status.FAILED);
        assertThat(given.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(given.lastError()).contains("500");
        // An analyst still decides.
        s.credit(id, as(s.analyst), "{\"decision\": \"DECLINED\", \"note\": \"No bureau answer; declined\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CREDIT_DECLINED"));
    }

    @Test
    void a_request_is_not_sent_once_an_analyst_has_decided() throws Exception {
        String id = s.inCreditCheck();
        s.credit(id, as(s.analyst), "{\"decision\": \"APPROVED\", \"creditLimitUsd\": \"1000.00\"}")
                .andExpect(status().isOk());

        requests.deliverDue(clock.instant());

        assertThat(received(id)).isEmpty();
        assertThat(request(id).status()).isEqualTo(CreditBureauRequest.Status.CANCELLED);
    }

    // --- the decision, on the webhook

    @Test
    void a_decision_signed_with_the_secret_approves_the_credit_as_the_bureau() throws Exception {
        String id = s.inCreditCheck();

        signed(approval(id, "150000.00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enrollmentId").value(id))
                .andExpect(jsonPath("$.status").value("CREDIT_APPROVED"))
                .andExpect(jsonPath("$.creditLimitUsd").value("150000.00"));

        JsonNode enrollment = enrollment(id);
        assertThat(enrollment.get("status").asString()).isEqualTo("CREDIT_APPROVED");
        assertThat(enrollment.get("creditLimitUsd").asString()).isEqualTo("150000.00");
        JsonNode last = enrollment.get("history").get(enrollment.get("history").size() - 1);
        assertThat(last.get("step").asString()).isEqualTo("APPROVE_CREDIT");
        assertThat(last.get("by").asString()).isEqualTo(CreditBureauWebhook.BUREAU);
        assertThat(last.get("note").asString()).isEqualTo("Score 812");
        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE subject_id = ? AND action = ?")
                        .params(id, "ENROLLMENT_APPROVE_CREDIT")
                        .query(String.class)
                        .list())
                .containsExactly(CreditBureauWebhook.BUREAU);
    }

    @Test
    void a_decision_with_a_bad_signature_is_refused_and_changes_nothing() throws Exception {
        String id = s.inCreditCheck();
        byte[] body = approval(id, "150000.00");
        long now = clock.instant().getEpochSecond();

        webhook(body, Long.toString(now), HmacSigner.of("not-the-secret").sign(now, body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        // Signed right, but for another body than the one sent.
        webhook(body, Long.toString(now), HmacSigner.of(SECRET).sign(now, approval(id, "999999.00")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        // Signed right, but the timestamp header changed after signing.
        webhook(body, Long.toString(now + 1), HmacSigner.of(SECRET).sign(now, body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        webhook(body, Long.toString(now), "sha256=not-hex")
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));

        assertThat(enrollment(id).get("status").asString()).isEqualTo("CREDIT_CHECK");
    }

    @Test
    void a_decision_without_the_signature_headers_is_refused() throws Exception {
        String id = s.inCreditCheck();
        byte[] body = approval(id, "150000.00");
        long now = clock.instant().getEpochSecond();

        webhook(body, null, null)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
        webhook(body, Long.toString(now), null).andExpect(status().isUnauthorized());
        webhook(body, null, HmacSigner.of(SECRET).sign(now, body)).andExpect(status().isUnauthorized());

        assertThat(enrollment(id).get("status").asString()).isEqualTo("CREDIT_CHECK");
    }

    @Test
    void a_decision_signed_too_long_ago_is_refused_as_expired() throws Exception {
        String id = s.inCreditCheck();
        byte[] body = approval(id, "150000.00");
        long stale = clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond();

        webhook(body, Long.toString(stale), HmacSigner.of(SECRET).sign(stale, body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("SIGNATURE_EXPIRED"));
        long future = clock.instant().plus(Duration.ofMinutes(6)).getEpochSecond();
        webhook(body, Long.toString(future), HmacSigner.of(SECRET).sign(future, body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("SIGNATURE_EXPIRED"));
        assertThat(enrollment(id).get("status").asString()).isEqualTo("CREDIT_CHECK");

        long skewed = clock.instant().minus(Duration.ofMinutes(4)).getEpochSecond();
        webhook(body, Long.toString(skewed), HmacSigner.of(SECRET).sign(skewed, body))
                .andExpect(status().isOk());
    }

    @Test
    void the_same_decision_delivered_twice_is_answered_with_the_enrollment_unchanged() throws Exception {
        String id = s.inCreditCheck();
        signed(approval(id, "150000.00")).andExpect(status().isOk());
        JsonNode once = enrollment(id);

        signed(approval(id, "150000.0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CREDIT_APPROVED"))
                .andExpect(jsonPath("$.version").value(once.get("version").asLong()));

        JsonNode twice = enrollment(id);
        assertThat(twice.get("version").asLong()).isEqualTo(once.get("version").asLong());
        assertThat(twice.get("history").size()).isEqualTo(once.get("history").size());

        // Another partner's, declined: a partner has one live enrollment per market.
        String declined = new EnrollmentScenario(mvc, jdbc, rollups).inCreditCheck();
        signed(decline(declined, "Insufficient history")).andExpect(status().isOk());
        signed(decline(declined, "Insufficient history"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CREDIT_DECLINED"));
    }

    @Test
    void a_different_decision_after_one_was_taken_is_a_conflict() throws Exception {
        String id = s.inCreditCheck();
        signed(approval(id, "150000.00")).andExpect(status().isOk());

        signed(approval(id, "200000.00"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        signed(decline(id, "Changed our mind"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        assertThat(enrollment(id).get("creditLimitUsd").asString()).isEqualTo("150000.00");
    }

    @Test
    void a_decline_without_a_note_is_refused_with_the_field() throws Exception {
        String id = s.inCreditCheck();

        signed(json("{\"enrollmentId\": \"%s\", \"decision\": \"DECLINED\"}".formatted(id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        signed(json("{\"enrollmentId\": \"%s\", \"decision\": \"APPROVED\", \"creditLimitUsd\": \"-5\"}".formatted(id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditLimitUsd"));
        signed(json("{\"enrollmentId\": \"%s\", \"decision\": \"MAYBE\"}".formatted(id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        signed(json("{\"enrollmentId\": \"%s\", \"decision\": \"APPROVED\", \"creditLimitUsd\": \"5.00\","
                        + " \"score\": 812}".formatted(id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
        signed(json("{\"decision\": \"APPROVED\", \"creditLimitUsd\": \"5.00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enrollmentId"));
        signed(json("{\"enrollmentId\": \"not-an-id\", \"decision\": \"APPROVED\", \"creditLimitUsd\": \"5.00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enrollmentId"));
        signed(json("not json")).andExpect(status().isBadRequest());
        signed(new byte[0]).andExpect(status().isBadRequest());

        assertThat(enrollment(id).get("status").asString()).isEqualTo("CREDIT_CHECK");
    }

    @Test
    void a_decision_on_an_enrollment_not_in_credit_check_is_a_conflict() throws Exception {
        String draft = s.start();

        signed(approval(draft, "150000.00"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ILLEGAL_TRANSITION"));
        signed(approval(EnrollmentId.random().toString(), "150000.00"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("ENROLLMENT_NOT_FOUND"));
        assertThat(enrollment(draft).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void the_bureau_is_no_signed_in_user_elsewhere_in_the_api() throws Exception {
        String id = s.inCreditCheck();
        byte[] body = approval(id, "150000.00");
        long now = clock.instant().getEpochSecond();
        // A valid signature opens the webhook only.
        mvc.perform(post("/api/v1/enrollments/" + id + "/credit-decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header(HmacSigner.TIMESTAMP_HEADER, Long.toString(now))
                        .header(
                                HmacSigner.SIGNATURE_HEADER,
                                HmacSigner.of(SECRET).sign(now, body)))
                .andExpect(status().isUnauthorized());
        assertThat(enrollment(id).get("status").asString()).isEqualTo("CREDIT_CHECK");
    }

    // --- helpers

    private CreditBureauRequest request(String enrollment) {
        return outbox.ofEnrollment(EnrollmentId.parse(enrollment).orElseThrow()).orElseThrow();
    }

    private static List<Received> received(String enrollment) {
        return RECEIVED.stream()
                .filter(r -> enrollment.equals(r.json().get("enrollmentId").asString()))
                .toList();
    }

    private JsonNode enrollment(String id) throws Exception {
        return EnrollmentScenario.json(
                s.read("/api/v1/enrollments/" + id, as(s.analyst)).andExpect(status().isOk()));
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] approval(String id, String limit) {
        return json("""
                {"enrollmentId": "%s", "decision": "APPROVED", "creditLimitUsd": "%s", "note": "Score 812",
                 "reference": "BUR-42"}""".formatted(id, limit));
    }

    private static byte[] decline(String id, String note) {
        return json("{\"enrollmentId\": \"%s\", \"decision\": \"DECLINED\", \"note\": \"%s\"}".formatted(id, note));
    }

    private ResultActions signed(byte[] body) throws Exception {
        Instant now = clock.instant();
        return webhook(
                body, Long.toString(now.getEpochSecond()), HmacSigner.of(SECRET).sign(now.getEpochSecond(), body));
    }

    private ResultActions webhook(byte[] body, @Nullable String timestamp, @Nullable String signature)
            throws Exception {
        var request = post("/api/v1/credit-bureau/decisions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (timestamp != null) {
            request.header(HmacSigner.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(HmacSigner.SIGNATURE_HEADER, signature);
        }
        return mvc.perform(request);
    }
}
