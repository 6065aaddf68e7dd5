package org.directbill.policy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.support.Fixtures.admin;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.directbill.policy.BuiltInPolicyFiles;
import org.directbill.policy.PolicyFixtures;
import org.directbill.support.Fixtures;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/policies} on H2 and PostgreSQL: the built-in policies as their files say, the policy
 * in force at each boundary, the publication of a new version and every way it is refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String reviewer;
    private String partnerGlobalAdmin;
    private String integrationKey;

    @BeforeAll
    void createCallers() throws Exception {
        Fixtures fixtures = new Fixtures(mvc);
        reviewer = fixtures.addStaff("REVIEWER").get("email").asString();
        partnerGlobalAdmin = fixtures.addPartnerUser(fixtures.createPartner(Fixtures.unique("Policy")), "GLOBAL_ADMIN");
        integrationKey =
                fixtures.issueApiKey(fixtures.addStaff("INTEGRATION").get("id").asString());
    }

    private static JsonNode json(ResultActions answer) throws Exception {
        return BuiltInPolicyFiles.JSON.readTree(answer.andReturn().getResponse().getContentAsString());
    }

    private ResultActions publish(String body) throws Exception {
        return publish(body, admin());
    }

    private ResultActions publish(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/policies")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions read(String id) throws Exception {
        return mvc.perform(get("/api/v1/policies/{id}", id).with(admin()));
    }

    /** The item without what the API adds to the document: what was published. */
    private static JsonNode document(JsonNode item) {
        ObjectNode copy = (ObjectNode) item.deepCopy();
        copy.remove("builtIn");
        copy.remove("publishedAt");
        return copy;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private long stored(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM policy WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    @Test
    void the_list_holds_the_four_built_in_policies_by_effective_date_exactly_as_their_files() throws Exception {
        JsonNode page = json(mvc.perform(get("/api/v1/policies?size=200").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)));

        assertThat(names(page)).containsExactly("items", "page", "size", "total");
        List<JsonNode> builtIn = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            assertThat(names(item))
                    .containsExactly(
                            "id", "title", "effectiveFrom", "enforcement", "requirements", "builtIn", "publishedAt");
            dates.add(item.get("effectiveFrom").asString());
            if (item.get("builtIn").asBoolean()) {
                builtIn.add(item);
            }
        }
        assertThat(dates).isSorted();
        assertThat(page.get("total").asLong()).isEqualTo(page.get("items").size());
        assertThat(builtIn)
                .extracting(item -> item.get("id").asString())
                .containsExactlyElementsOf(BuiltInPolicyFiles.IDS);
        for (JsonNode item : builtIn) {
            assertThat(document(item))
                    .as(item.get("id").asString())
                    .isEqualTo(BuiltInPolicyFiles.tree(item.get("id").asString()));
            assertThat(item.get("publishedAt").isString()).isTrue();
        }
    }

    @Test
    void the_list_comes_a_page_at_a_time() throws Exception {
        mvc.perform(get("/api/v1/policies?page=1&size=2").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value("csp-direct-2021"))
                .andExpect(jsonPath("$.items[1].id").value("csp-direct-fy26"));
        mvc.perform(get("/api/v1/policies?size=0").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void one_policy_is_read_by_its_id() throws Exception {
        JsonNode policy = json(read("csp-direct-2021").andExpect(status().isOk()));

        assertThat(document(policy)).isEqualTo(BuiltInPolicyFiles.tree("csp-direct-2021"));
        assertThat(policy.get("builtIn").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_policy_is_404() throws Exception {
        read("csp-direct-1999")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("POLICY_NOT_FOUND"))
                .andExpect(jsonPath("$.detail").value("No policy csp-direct-1999."));
    }

    @ParameterizedTest(name = "on {0}: {1}")
    @CsvSource({
        "2018-08-31, csp-direct-2018",
        "2020-10-26, csp-direct-2018",
        "2020-10-27, csp-direct-2020",
        "2021-04-14, csp-direct-2020",
        "2021-04-15, csp-direct-2021",
        "2025-09-30, csp-direct-2021",
        "2025-10-01, csp-direct-fy26"
    })
    void the_policy_in_force_on_a_date_is_the_latest_effective_on_or_before_it(String date, String policy)
            throws Exception {
        mvc.perform(get("/api/v1/policies/in-force?date={d}", date).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(policy));
    }

    @Test
    void before_the_first_policy_none_is_in_force() throws Exception {
        mvc.perform(get("/api/v1/policies/in-force?date=2018-08-30")
                        .with(admin())
                        .header("Accept-Language", "fr"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NO_POLICY_IN_FORCE"))
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "Aucune politique n’est en vigueur le 2018-08-30 : la première entre en vigueur plus tard."));
    }

    @Test
    void without_a_date_the_policy_in_force_is_todays() throws Exception {
        // Test policies take effect from the year 9000: today the FY26 policy is in force.
        mvc.perform(get("/api/v1/policies/in-force").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("csp-direct-fy26"));
    }

    @Test
    void a_bad_date_is_a_400_naming_the_parameter() throws Exception {
        mvc.perform(get("/api/v1/policies/in-force?date=2025-02-30").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[0].code").value("INVALID_DATE"));
    }

    @Test
    void a_published_policy_is_201_with_its_location_and_reads_back_as_sent_with_the_defaults_filled()
            throws Exception {
        String id = PolicyFixtures.uniqueId();
        LocalDate date = PolicyFixtures.uniqueDate();
        String sent = """
                {"id": "%s", "title": "CSP direct bill requirements (FY31)", "effectiveFrom": "%s",
                 "requirements": [
                  {"code": "LOCATION_ID", "level": "REQUIRED"},
                  {"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"thresholdUsd": "1500000.50",
                    "countedCategories": ["AZURE_CONSUMPTION"]}},
                  {"code": "INDIRECT_TENURE", "level": "RECOMMENDED", "parameters": {}},
                  {"code": "SECURITY_SCORE", "level": "REQUIRED", "parameters": {}}]}""".formatted(id, date);

        JsonNode created = json(publish(sent)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/policies/" + id)));
        JsonNode read = json(read(id).andExpect(status().isOk()));

        JsonNode expected = BuiltInPolicyFiles.JSON.readTree("""
                {"id": "%s", "title": "CSP direct bill requirements (FY31)", "effectiveFrom": "%s",
                 "enforcement": {"measureAt": "ANNIVERSARY", "cureDays": 30, "suspendAfterDays": 30,
                   "revokeAfterDays": 60},
                 "requirements": [
                  {"code": "LOCATION_ID", "level": "REQUIRED", "parameters": {"scope": "MARKET"}},
                  {"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"thresholdUsd": "1500000.50",
                    "windowMonths": 12, "refreshDay": 8, "countedCategories": ["AZURE_CONSUMPTION"]}},
                  {"code": "INDIRECT_TENURE", "level": "RECOMMENDED", "parameters": {"months": 12}},
                  {"code": "SECURITY_SCORE", "level": "REQUIRED", "parameters": {}}]}""".formatted(id, date));
        assertThat(document(read)).isEqualTo(expected);
        assertThat(read).isEqualTo(created);
        assertThat(read.get("builtIn").asBoolean()).isFalse();
        assertThat(read.get("publishedAt").isString()).isTrue();

        mvc.perform(get("/api/v1/audit").param("subject", id).with(admin()))
                .andExpect(jsonPath("$.items[0].action").value("POLICY_PUBLISHED"))
                .andExpect(jsonPath("$.items[0].actor").value("admin"))
                .andExpect(jsonPath("$.items[0].after.requirements[1].parameters.thresholdUsd")
                        .value("1500000.50"));
        mvc.perform(get("/api/v1/policies/in-force?date={d}", date).with(admin()))
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/policies/in-force?date={d}", date.minusDays(1)).with(admin()))
                .andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.not(id)));
    }

    /** Each kind of mistake: the body, the field named, the code. */
    @ParameterizedTest(name = "{1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "id": "Not A Slug"                                                                 | id                                   | INVALID_POLICY_ID
            "id": null                                                                         | id                                   | REQUIRED
            "title": ""                                                                        | title                                | REQUIRED
            "effectiveFrom": "9999-02-30"                                                      | effectiveFrom                        | INVALID_DATE
            "requirements": []                                                                 | requirements                         | NO_REQUIREMENT
            "requirements": [{"code": "WEBSITE", "level": "REQUIRED"}]                         | requirements[0].code                 | UNKNOWN_REQUIREMENT_CODE
            "requirements": [{"code": "ENDORSEMENT", "level": "MUST"}]                         | requirements[0].level                | INVALID_ENUM
            "requirements": [{"code": "ENDORSEMENT", "level": "REQUIRED"}, {"code": "ENDORSEMENT", "level": "REQUIRED"}] | requirements[1].code | DUPLICATE_REQUIREMENT
            "requirements": [{"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"foo": 1}}] | requirements[0].parameters.foo | UNKNOWN_PARAMETER
            "requirements": [{"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"thresholdUsd": 300000}}] | requirements[0].parameters.thresholdUsd | AMOUNT_NOT_A_STRING
            "requirements": [{"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"thresholdUsd": "-5"}}] | requirements[0].parameters.thresholdUsd | INVALID_AMOUNT
            "requirements": [{"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"windowMonths": 48}}] | requirements[0].parameters.windowMonths | OUT_OF_RANGE
            "requirements": [{"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"refreshDay": "8"}}] | requirements[0].parameters.refreshDay | INTEGER_EXPECTED
            "requirements": [{"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"countedCategories": ["HARDWARE"]}}] | requirements[0].parameters.countedCategories[0] | INVALID_ENUM
            "requirements": [{"code": "LOCATION_ID", "level": "REQUIRED", "parameters": {"scope": "WORLD"}}] | requirements[0].parameters.scope | INVALID_ENUM
            "requirements": [{"code": "INDIRECT_TENURE", "level": "REQUIRED", "parameters": {"months": 0}}] | requirements[0].parameters.months | OUT_OF_RANGE
            "enforcement": {"measureAt": "WEEKLY"}                                             | enforcement.measureAt                | INVALID_ENUM
            "enforcement": {"cureDays": 0}                                                     | enforcement.cureDays                 | OUT_OF_RANGE
            "enforcement": {"suspendAfterDays": 90, "revokeAfterDays": 60}                     | enforcement.revokeAfterDays          | REVOKE_NOT_AFTER_SUSPEND
            "colour": "blue"                                                                   | colour                               | UNKNOWN_FIELD
            """)
    void each_kind_of_mistake_is_a_400_naming_its_field_and_nothing_is_stored(String change, String field, String code)
            throws Exception {
        String id = PolicyFixtures.uniqueId();
        String body = withChange(PolicyFixtures.document(id, PolicyFixtures.uniqueDate()), change);

        publish(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)))
                .andExpect(
                        jsonPath("$.errors[?(@.field == '" + field + "')].code").value(hasItem(code)));
        assertThat(stored(id)).isZero();
    }

    /** The document with one member replaced (or added) by {@code change}, e.g. {@code "id": null}. */
    private static String withChange(String document, String change) throws Exception {
        ObjectNode base = (ObjectNode) BuiltInPolicyFiles.JSON.readTree(document);
        ObjectNode changed = (ObjectNode) BuiltInPolicyFiles.JSON.readTree("{" + change + "}");
        changed.propertyNames().forEach(name -> base.set(name, changed.get(name)));
        return BuiltInPolicyFiles.JSON.writeValueAsString(base);
    }

    @Test
    void every_mistake_of_a_document_is_listed_at_once_in_the_callers_language() throws Exception {
        mvc.perform(post("/api/v1/policies")
                        .with(admin())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"id": "x", "effectiveFrom": "9999-01-01", "requirements": [
                                  {"code": "ENDORSEMENT", "level": "REQUIRED", "parameters": {"scope": "ANY"}},
                                  {"code": "TTM_REVENUE", "level": "REQUIRED", "parameters": {"thresholdUsd": 1}}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[1].field").value("title"))
                .andExpect(jsonPath("$.errors[2].field").value("requirements[0].parameters.scope"))
                .andExpect(jsonPath("$.errors[2].message")
                        .value("scope n’est pas un paramètre de ENDORSEMENT, qui n’en prend aucun."))
                .andExpect(jsonPath("$.errors[3].field").value("requirements[1].parameters.thresholdUsd"))
                .andExpect(jsonPath("$.errors[3].message")
                        .value("Un montant est une chaîne décimale, pas un nombre JSON : écrivez \"1\" entre"
                                + " guillemets."));
    }

    @Test
    void an_existing_id_is_409_since_a_published_version_never_changes() throws Exception {
        publish(PolicyFixtures.document("csp-direct-2021", PolicyFixtures.uniqueDate()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("POLICY_EXISTS"));

        String id = PolicyFixtures.uniqueId();
        publish(PolicyFixtures.document(id, PolicyFixtures.uniqueDate())).andExpect(status().isCreated());
        LocalDate other = PolicyFixtures.uniqueDate();
        publish(PolicyFixtures.document(id, other))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("POLICY_EXISTS"));
        assertThat(stored(id)).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM policy WHERE effective_from = ?")
                        .param(other)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void an_effective_date_today_or_earlier_is_422() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate date : List.of(today, today.minusDays(1), LocalDate.of(2019, 1, 1))) {
            String id = PolicyFixtures.uniqueId();
            publish(PolicyFixtures.document(id, date))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("EFFECTIVE_FROM_NOT_IN_FUTURE"));
            assertThat(stored(id)).isZero();
        }
        // Tomorrow is accepted: PolicyChangesRevenueTest publishes it, on a database of its own, since
        // a policy in force from tomorrow would change what the other tests of this database count.
    }

    @Test
    void an_effective_date_another_policy_has_is_422() throws Exception {
        LocalDate date = PolicyFixtures.uniqueDate();
        publish(PolicyFixtures.document(PolicyFixtures.uniqueId(), date)).andExpect(status().isCreated());

        String id = PolicyFixtures.uniqueId();
        publish(PolicyFixtures.document(id, date))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_FROM_TAKEN"))
                .andExpect(jsonPath("$.detail")
                        .value("Another policy already takes effect on " + date
                                + ": choose another date, so that one policy is in force on any date."));
        assertThat(stored(id)).isZero();
    }

    @Test
    void without_credentials_reading_and_publishing_are_401() throws Exception {
        mvc.perform(get("/api/v1/policies")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/policies/csp-direct-2021")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/policies/in-force")).andExpect(status().isUnauthorized());
        String id = PolicyFixtures.uniqueId();
        mvc.perform(post("/api/v1/policies")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PolicyFixtures.document(id, PolicyFixtures.uniqueDate())))
                .andExpect(status().isUnauthorized());
        assertThat(stored(id)).isZero();
    }

    @Test
    void only_a_program_admin_publishes_while_anyone_signed_in_reads() throws Exception {
        List<RequestPostProcessor> others = List.of(
                httpBasic(reviewer, Fixtures.PASSWORD), httpBasic(partnerGlobalAdmin, Fixtures.PASSWORD), request -> {
                    request.addHeader("Authorization", "Bearer " + integrationKey);
                    return request;
                });
        for (RequestPostProcessor who : others) {
            String id = PolicyFixtures.uniqueId();
            publish(PolicyFixtures.document(id, PolicyFixtures.uniqueDate()), who)
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(stored(id)).isZero();
            mvc.perform(get("/api/v1/policies").with(who)).andExpect(status().isOk());
            mvc.perform(get("/api/v1/policies/csp-direct-fy26").with(who)).andExpect(status().isOk());
        }
    }
}
