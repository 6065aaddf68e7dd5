package org.directbill.partner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.partner.api.AccessMatrixTest.Who.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.directbill.policy.PolicyFixtures;
import org.directbill.revenue.LedgerLines;
import org.directbill.revenue.internal.LedgerRollups;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of the partner directory against every kind of caller: who succeeds, who gets 401,
 * 403, and who gets 404 because it must not learn another partner exists (api.md).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    enum Who {
        ANONYMOUS,
        PROGRAM_ADMIN,
        REVIEWER,
        CREDIT_ANALYST,
        INTEGRATION,
        A_GLOBAL_ADMIN,
        A_ACCOUNT_ADMIN,
        A_ADMIN_AGENT,
        A_SALES_AGENT,
        A_BILLING_ADMIN,
        A_REPORT_VIEWER,
        B_GLOBAL_ADMIN
    }

    static final Set<Who> STAFF = EnumSet.of(PROGRAM_ADMIN, REVIEWER, CREDIT_ANALYST);
    static final Set<Who> PARTNER_A =
            EnumSet.of(A_GLOBAL_ADMIN, A_ACCOUNT_ADMIN, A_ADMIN_AGENT, A_SALES_AGENT, A_BILLING_ADMIN, A_REPORT_VIEWER);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerRollups rollups;

    private final Map<Who, RequestPostProcessor> credentials = new EnumMap<>(Who.class);
    private String partnerA;
    private String locationA;
    private String machineUser;
    private String importId;

    static final Set<Who> FEEDERS = EnumSet.of(PROGRAM_ADMIN, INTEGRATION);
    static final String LEDGER_HEADER =
            "line_id,invoice_id,location_id,customer_id,product_category,billing_date," + "amount,currency\n";
    private LedgerLines ledger;
    /** A verification case of partner A waiting for its answer, and the path of a file answered on it. */
    private String caseA;

    private String attachmentA;

    /** A stored evaluation of partner A. */
    private String evaluationA;

    /** A DRAFT enrollment of partner A in the US. */
    private String enrollmentA;

    /** One call of the API: what it does, its success status, who may make it. */
    record Call(
            String name,
            Supplier<? extends AbstractMockHttpServletRequestBuilder<?>> request,
            int success,
            Set<Who> allowed,
            boolean onPartnerA) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void createPartnersAndUsers() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        partnerA = fixtures.createPartner("Partner A");
        String partnerB = fixtures.createPartner("Partner B");
        locationA = fixtures.addLocation(partnerA, "FR", "ACTIVE");
        credentials.put(PROGRAM_ADMIN, Fixtures.admin());
        credentials.put(
                REVIEWER, basic(fixtures.addStaff("REVIEWER").get("email").asString()));
        credentials.put(
                CREDIT_ANALYST,
                basic(fixtures.addStaff("CREDIT_ANALYST").get("email").asString()));
        machineUser = fixtures.addStaff("INTEGRATION").get("id").asString();
        String key = fixtures.issueApiKey(machineUser);
        credentials.put(INTEGRATION, request -> {
            request.addHeader("Authorization", "Bearer " + key);
            return request;
        });
        for (Who who : PARTNER_A) {
            credentials.put(
                    who, basic(fixtures.addPartnerUser(partnerA, who.name().substring(2))));
        }
        credentials.put(B_GLOBAL_ADMIN, basic(fixtures.addPartnerUser(partnerB, "GLOBAL_ADMIN")));
        importId = mvc.perform(post("/api/v1/ledger/imports")
                        .with(Fixtures.admin())
                        .contentType("text/csv")
                        .content(LEDGER_HEADER))
                .andReturn()
                .getResponse()
                .getHeader("Location")
                .substring("/api/v1/ledger/imports/".length());
        ledger = new LedgerLines(jdbc, rollups);
        caseA = openCase("\"message\": \"Why?\", \"dueDate\": \"" + LocalDate.now(ZoneOffset.UTC) + "\"");
        String answered = mvc.perform(multipart("/api/v1/sales-verifications/{id}/answers", caseA)
                        .file(new MockMultipartFile(
                                "files", "order.txt", "text/plain", "Signed.".getBytes(StandardCharsets.UTF_8)))
                        .param("message", "The order.")
                        .with(Fixtures.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        attachmentA = JsonMapper.builder()
                .build()
                .readTree(answered)
                .at("/messages/1/attachments/0/href")
                .asString();
        evaluationA = JsonMapper.builder()
                .build()
                .readTree(mvc.perform(json(post("/api/v1/partners/{id}/evaluations", partnerA), EVALUATION)
                                .with(Fixtures.admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        enrollmentA = JsonMapper.builder()
                .build()
                .readTree(mvc.perform(json(
                                        post("/api/v1/enrollments"),
                                        "{\"partnerId\": \"" + partnerA + "\", \"market\": \"US\"}")
                                .with(Fixtures.admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
    }

    /** Markets not yet used by an enrollment of partner A: each success takes one. */
    private final java.util.Iterator<String> markets = java.util.Arrays.stream(java.util.Locale.getISOCountries())
            .filter(code -> !code.equals("US"))
            .iterator();

    private synchronized String nextMarket() {
        return markets.next();
    }

    /** A DRAFT enrollment of partner A in a market of its own, started by the program admin. */
    private String draftEnrollmentOfA() {
        try {
            return JsonMapper.builder()
                    .build()
                    .readTree(mvc.perform(json(
                                            post("/api/v1/enrollments"),
                                            "{\"partnerId\": \"" + partnerA + "\", \"market\": \"" + nextMarket()
                                                    + "\"}")
                                    .with(Fixtures.admin()))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .get("id")
                    .asString();
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static final String EVALUATION = "{\"policyId\": \"csp-direct-2021\", \"market\": \"FR\"}";

    /** Opens a case of partner A on a new sale, as the program admin, and returns its id. */
    private String openCase(String request) {
        try {
            String sale = ledger.addSale(locationA);
            String body = "{\"lineIds\": [\"" + sale + "\"]" + (request.isEmpty() ? "" : ", " + request) + "}";
            JsonNode opened = JsonMapper.builder()
                    .build()
                    .readTree(mvc.perform(json(post("/api/v1/partners/{id}/sales-verifications", partnerA), body)
                                    .with(Fixtures.admin()))
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            return opened.get("id").asString();
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static RequestPostProcessor basic(String email) {
        return httpBasic(email, Fixtures.PASSWORD);
    }

    List<Call> calls() {
        Set<Who> readers = union(STAFF, PARTNER_A);
        Set<Who> partnerAdmins = EnumSet.of(PROGRAM_ADMIN, A_GLOBAL_ADMIN, A_ACCOUNT_ADMIN);
        // Billing admin and Global admin see revenue; Report viewer sees reports but not revenue (domain.md).
        Set<Who> revenueReaders = union(STAFF, EnumSet.of(A_GLOBAL_ADMIN, A_ACCOUNT_ADMIN, A_BILLING_ADMIN));
        Set<Who> verificationReaders = union(STAFF, EnumSet.of(A_GLOBAL_ADMIN, A_ACCOUNT_ADMIN, A_BILLING_ADMIN));
        Set<Who> reviewers = EnumSet.of(PROGRAM_ADMIN, REVIEWER);
        Set<Who> answerers = EnumSet.of(PROGRAM_ADMIN, A_GLOBAL_ADMIN, A_ACCOUNT_ADMIN, A_BILLING_ADMIN);
        Set<Who> signedIn = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
        return List.of(
                new Call(
                        "register a partner",
                        () -> json(post("/api/v1/partners"), Fixtures.partnerBody("New", "DE")),
                        201,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call("search partners", () -> get("/api/v1/partners?q=Partner"), 200, STAFF, false),
                new Call("read a partner", () -> get("/api/v1/partners/{id}", partnerA), 200, readers, true),
                new Call(
                        "add a location",
                        () -> json(
                                post("/api/v1/partners/{id}/locations", partnerA),
                                "{\"locationId\": \"" + Fixtures.uniqueLocationId()
                                        + "\", \"country\": \"FR\", \"membershipStatus\": \"PENDING\"}"),
                        201,
                        EnumSet.of(PROGRAM_ADMIN),
                        true),
                new Call(
                        "read a location",
                        () -> get("/api/v1/partners/{id}/locations/{l}", partnerA, locationA),
                        200,
                        readers,
                        true),
                new Call(
                        "change a location's status",
                        () -> json(
                                patch("/api/v1/partners/{id}/locations/{l}", partnerA, locationA),
                                "{\"membershipStatus\": \"ACTIVE\"}"),
                        200,
                        EnumSet.of(PROGRAM_ADMIN),
                        true),
                new Call(
                        "add a partner user",
                        () -> json(
                                post("/api/v1/partners/{id}/users", partnerA),
                                "{\"email\": \"" + Fixtures.uniqueEmail("new")
                                        + "\", \"displayName\": \"New\", \"password\": \"" + Fixtures.PASSWORD
                                        + "\", \"roles\": [\"SALES_AGENT\"], \"locale\": \"fr\"}"),
                        201,
                        EnumSet.of(PROGRAM_ADMIN, A_GLOBAL_ADMIN),
                        true),
                new Call(
                        "list a partner's users",
                        () -> get("/api/v1/partners/{id}/users", partnerA),
                        200,
                        union(STAFF, EnumSet.of(A_GLOBAL_ADMIN, A_ACCOUNT_ADMIN)),
                        true),
                new Call("read the profile", () -> get("/api/v1/partners/{id}/profile", partnerA), 200, readers, true),
                new Call(
                        "declare a profile fact",
                        () -> json(
                                patch("/api/v1/partners/{id}/profile", partnerA),
                                "{\"billingInfrastructure\": {\"inPlace\": true, \"description\": \"AR team\"}}"),
                        200,
                        partnerAdmins,
                        true),
                new Call(
                        "set a program fact",
                        () -> json(
                                patch("/api/v1/partners/{id}/profile", partnerA), "{\"businessVetting\": \"PENDING\"}"),
                        200,
                        EnumSet.of(PROGRAM_ADMIN, REVIEWER),
                        true),
                new Call(
                        "record a support plan",
                        () -> json(
                                post("/api/v1/partners/{id}/support-plans", partnerA),
                                "{\"type\": \"ASFP\", \"contractId\": \"" + Fixtures.unique("C")
                                        + "\", \"purchasedOn\": \"2025-01-01\", \"renewsOn\": \"2026-01-01\"}"),
                        201,
                        partnerAdmins,
                        true),
                new Call(
                        "list support plans",
                        () -> get("/api/v1/partners/{id}/support-plans", partnerA),
                        200,
                        readers,
                        true),
                new Call(
                        "create a staff account",
                        () -> json(
                                post("/api/v1/users"),
                                "{\"email\": \"" + Fixtures.uniqueEmail("staff")
                                        + "\", \"displayName\": \"S\", \"password\": \"" + Fixtures.PASSWORD
                                        + "\", \"roles\": [\"REVIEWER\"], \"locale\": \"en\"}"),
                        201,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call("list staff accounts", () -> get("/api/v1/users"), 200, EnumSet.of(PROGRAM_ADMIN), false),
                new Call(
                        "read an account",
                        () -> get("/api/v1/users/{id}", machineUser),
                        200,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "issue an API key",
                        () -> json(post("/api/v1/users/{id}/api-keys", machineUser), "{\"name\": \"k\"}"),
                        201,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "read the audit log",
                        () -> get("/api/v1/audit?subject={s}", partnerA),
                        200,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "import exchange rates",
                        // The ECB's first publication; importing it again is idempotent, so every caller sees 200.
                        () -> post("/api/v1/fx-rates")
                                .contentType("text/csv")
                                .content("Date,USD,\n1999-01-04,1.1789,\n"),
                        200,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call("read the exchange-rate coverage", () -> get("/api/v1/fx-rates/coverage"), 200, STAFF, false),
                new Call(
                        "import a ledger",
                        // a header and no line: a job that stores nothing, whoever runs it
                        () -> post("/api/v1/ledger/imports")
                                .contentType("text/csv")
                                .content(LEDGER_HEADER),
                        202,
                        FEEDERS,
                        false),
                new Call(
                        "import payments",
                        () -> post("/api/v1/ledger/payments")
                                .contentType("text/csv")
                                .content("invoice_id,paid_date\n"),
                        202,
                        FEEDERS,
                        false),
                new Call("list the imports", () -> get("/api/v1/ledger/imports"), 200, union(STAFF, FEEDERS), false),
                new Call(
                        "follow an import",
                        () -> get("/api/v1/ledger/imports/{id}", importId),
                        200,
                        union(STAFF, FEEDERS),
                        false),
                new Call(
                        "rebuild the rollups",
                        () -> post("/api/v1/ledger/rollups/rebuild"),
                        200,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "read a partner's revenue",
                        () -> get("/api/v1/partners/{id}/revenue?asOf=2030-01-10", partnerA),
                        200,
                        revenueReaders,
                        true),
                new Call(
                        "download a partner's revenue per location",
                        () -> get("/api/v1/partners/{id}/revenue/by-location", partnerA),
                        200,
                        revenueReaders,
                        true),
                new Call(
                        "open a verification case",
                        () -> json(
                                post("/api/v1/partners/{id}/sales-verifications", partnerA),
                                "{\"lineIds\": [\"" + ledger.addSale(locationA) + "\"]}"),
                        201,
                        reviewers,
                        true),
                new Call(
                        "list a partner's verification cases",
                        () -> get("/api/v1/partners/{id}/sales-verifications", partnerA),
                        200,
                        verificationReaders,
                        true),
                new Call("read the verification queue", () -> get("/api/v1/sales-verifications"), 200, STAFF, false),
                new Call(
                        "read a verification case",
                        () -> get("/api/v1/sales-verifications/{id}", caseA),
                        200,
                        verificationReaders,
                        true),
                new Call(
                        "ask a partner for information",
                        () -> json(
                                post("/api/v1/sales-verifications/{id}/requests", caseA),
                                "{\"message\": \"More?\", \"dueDate\": \"" + LocalDate.now(ZoneOffset.UTC) + "\"}"),
                        200,
                        reviewers,
                        true),
                new Call(
                        "answer a verification case",
                        () -> multipart("/api/v1/sales-verifications/{id}/answers", caseA)
                                .param("message", "Here."),
                        200,
                        answerers,
                        true),
                new Call(
                        "download an attachment of a verification case",
                        () -> get(attachmentA),
                        200,
                        verificationReaders,
                        true),
                new Call(
                        "decide sales under verification",
                        () -> json(
                                post("/api/v1/sales-verifications/{id}/decisions", openCase("")),
                                "{\"decision\": \"VERIFIED\"}"),
                        200,
                        reviewers,
                        true),
                new Call("list the policies", () -> get("/api/v1/policies"), 200, signedIn, false),
                new Call("read a policy", () -> get("/api/v1/policies/csp-direct-2021"), 200, signedIn, false),
                new Call(
                        "read the policy in force",
                        () -> get("/api/v1/policies/in-force?date=2025-10-01"),
                        200,
                        signedIn,
                        false),
                new Call(
                        "publish a policy",
                        // a fresh id and date per call, far ahead so that no other test counts by it
                        () -> json(post("/api/v1/policies"), PolicyFixtures.uniqueDocument()),
                        201,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "evaluate a partner",
                        () -> json(post("/api/v1/partners/{id}/evaluations", partnerA), EVALUATION),
                        201,
                        readers,
                        true),
                new Call(
                        "list a partner's evaluations",
                        () -> get("/api/v1/partners/{id}/evaluations", partnerA),
                        200,
                        readers,
                        true),
                new Call(
                        "read an evaluation",
                        () -> get("/api/v1/partners/{id}/evaluations/{e}", partnerA, evaluationA),
                        200,
                        readers,
                        true),
                new Call(
                        "list a partner's notifications",
                        () -> get("/api/v1/partners/{id}/notifications", partnerA),
                        200,
                        readers,
                        true),
                new Call(
                        "read the outbox's failed emails",
                        () -> get("/api/v1/notifications/emails?status=FAILED"),
                        200,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "start an enrollment",
                        () -> json(
                                post("/api/v1/enrollments"),
                                "{\"partnerId\": \"" + partnerA + "\", \"market\": \"" + nextMarket() + "\"}"),
                        201,
                        partnerAdmins,
                        true),
                new Call("read an enrollment", () -> get("/api/v1/enrollments/{id}", enrollmentA), 200, readers, true),
                new Call(
                        "list a partner's enrollments",
                        () -> get("/api/v1/partners/{id}/enrollments", partnerA),
                        200,
                        readers,
                        true),
                new Call("read the enrollment queue", () -> get("/api/v1/enrollments"), 200, STAFF, false),
                new Call(
                        // Partner A does not meet the requirements: its Global admin may submit, and is refused.
                        "submit an enrollment",
                        () -> post("/api/v1/enrollments/{id}/submit", enrollmentA),
                        422,
                        EnumSet.of(A_GLOBAL_ADMIN),
                        true),
                new Call(
                        // On a DRAFT: who may review gets as far as the illegal step.
                        "review an enrollment",
                        () -> json(
                                post("/api/v1/enrollments/{id}/review", enrollmentA), "{\"decision\": \"VERIFIED\"}"),
                        409,
                        reviewers,
                        true),
                new Call(
                        "decide a credit check",
                        () -> json(
                                post("/api/v1/enrollments/{id}/credit-decision", enrollmentA),
                                "{\"decision\": \"DECLINED\", \"note\": \"no\"}"),
                        409,
                        EnumSet.of(PROGRAM_ADMIN, CREDIT_ANALYST),
                        true),
                new Call(
                        "answer an enrollment's information request",
                        () -> json(
                                post("/api/v1/enrollments/{id}/info-response", enrollmentA), "{\"message\": \"Here\"}"),
                        409,
                        partnerAdmins,
                        true),
                new Call(
                        "accept the agreement",
                        () -> json(
                                post("/api/v1/enrollments/{id}/agreement", enrollmentA),
                                "{\"agreementVersion\": \"2018-08\", \"accepted\": true}"),
                        409,
                        EnumSet.of(A_GLOBAL_ADMIN),
                        true),
                new Call(
                        "withdraw an enrollment",
                        () -> post("/api/v1/enrollments/{id}/withdraw", draftEnrollmentOfA()),
                        200,
                        partnerAdmins,
                        true),
                new Call("read the current agreement", () -> get("/api/v1/agreements/current"), 200, signedIn, false),
                new Call(
                        "run the enrollment timers",
                        () -> json(post("/api/v1/enrollments/timer-runs"), "{\"asOf\": \"2019-01-01\"}"),
                        200,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "read a partner's direct-bill status",
                        () -> get("/api/v1/partners/{id}/status", partnerA),
                        200,
                        readers,
                        true),
                new Call(
                        "read a partner's status history",
                        () -> get("/api/v1/partners/{id}/status/history", partnerA),
                        200,
                        readers,
                        true),
                new Call(
                        "read a partner's assessments",
                        () -> get("/api/v1/partners/{id}/assessments", partnerA),
                        200,
                        readers,
                        true),
                new Call(
                        "run compliance",
                        () -> json(post("/api/v1/compliance/runs"), "{\"asOf\": \"2019-01-01\"}"),
                        200,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call("list the compliance board", () -> get("/api/v1/compliance/partners"), 200, STAFF, false),
                new Call(
                        // Partner A is not a direct-bill partner: there is nothing to reinstate (409), and
                        // nothing changes whoever calls.
                        "reinstate a partner by hand",
                        () -> json(
                                post("/api/v1/partners/{id}/status-actions", partnerA),
                                "{\"action\": \"REINSTATE\", \"reason\": \"Checked\"}"),
                        409,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call("list the webhooks", () -> get("/api/v1/webhooks"), 200, EnumSet.of(PROGRAM_ADMIN), false),
                new Call(
                        "register a webhook",
                        () -> json(
                                post("/api/v1/webhooks"),
                                "{\"url\": \"https://127.0.0.1:1/hook\", \"events\": [\"partner.status.*\"],"
                                        + " \"secret\": \"matrix-secret-0123456789\"}"),
                        201,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "read a webhook that does not exist",
                        () -> get("/api/v1/webhooks/{id}", java.util.UUID.randomUUID()),
                        404,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "read the deliveries of a webhook that does not exist",
                        () -> get("/api/v1/webhooks/{id}/deliveries", java.util.UUID.randomUUID()),
                        404,
                        EnumSet.of(PROGRAM_ADMIN),
                        false),
                new Call(
                        "ask whether a partner may act now",
                        () -> json(
                                post("/api/v1/authorizations"),
                                "{\"partnerId\": \"" + partnerA + "\", \"action\": \"RENEW_SUBSCRIPTION\"}"),
                        200,
                        EnumSet.of(PROGRAM_ADMIN, REVIEWER, CREDIT_ANALYST, INTEGRATION),
                        false),
                new Call(
                        "list the authorization refusals",
                        () -> get("/api/v1/authorizations/refusals"),
                        200,
                        STAFF,
                        false),
                new Call("ask who I am", () -> get("/api/v1/me"), 200, signedIn, false));
    }

    Stream<Arguments> everyCallByEveryone() {
        List<Arguments> cases = new ArrayList<>();
        for (Call call : calls()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(call, who));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyCallByEveryone")
    void each_caller_gets_exactly_what_its_role_allows(Call call, Who who) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = call.request().get();
        if (who != ANONYMOUS) {
            request.with(credentials.get(who));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int expected = expected(call, who);
        assertThat(response.getStatus())
                .as("%s as %s answered %s", call, who, response.getContentAsString())
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.getContentType()).startsWith("application/problem+json");
        }
    }

    private static int expected(Call call, Who who) {
        if (who == ANONYMOUS) {
            return 401;
        }
        if (call.allowed().contains(who)) {
            return call.success();
        }
        if (who == B_GLOBAL_ADMIN && call.onPartnerA()) {
            return 404;
        }
        return 403;
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static Set<Who> union(Set<Who> first, Set<Who> second) {
        Set<Who> all = EnumSet.noneOf(Who.class);
        all.addAll(first);
        all.addAll(second);
        return all;
    }
}
