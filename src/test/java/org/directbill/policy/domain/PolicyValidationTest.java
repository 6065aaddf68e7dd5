package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.directbill.policy.domain.PolicyDrafts.draft;
import static org.directbill.policy.domain.PolicyDrafts.params;
import static org.directbill.policy.domain.PolicyDrafts.req;
import static org.directbill.policy.domain.PolicyDrafts.requirements;
import static org.directbill.policy.domain.PolicyDrafts.violations;
import static org.directbill.policy.domain.PolicyDrafts.withParameter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.directbill.policy.domain.PolicyDraft.EnforcementDraft;
import org.directbill.policy.domain.PolicyDraft.RequirementDraft;
import org.directbill.revenue.domain.ProductCategory;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A policy document checked field by field: one clear error per mistake, all of them at once. */
class PolicyValidationTest {

    private static void refusedWith(PolicyDraft draft, String field, String code) {
        assertThat(violations(draft))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple(field, code));
    }

    private static PolicyDraft withId(@Nullable String id) {
        PolicyDraft valid = draft(requirements());
        return new PolicyDraft(id, valid.title(), valid.effectiveFrom(), null, valid.requirements());
    }

    private static PolicyDraft withTitle(@Nullable String title) {
        PolicyDraft valid = draft(requirements());
        return new PolicyDraft(valid.id(), title, valid.effectiveFrom(), null, valid.requirements());
    }

    private static PolicyDraft withEffectiveFrom(@Nullable String effectiveFrom) {
        PolicyDraft valid = draft(requirements());
        return new PolicyDraft(valid.id(), valid.title(), effectiveFrom, null, valid.requirements());
    }

    private static PolicyDraft withRequirement(int index, RequirementDraft requirement) {
        List<@Nullable RequirementDraft> requirements = requirements();
        requirements.set(index, requirement);
        return draft(requirements);
    }

    private static EnforcementDraft enforcement(
            @Nullable String measureAt, @Nullable Object cure, @Nullable Object suspend, @Nullable Object revoke) {
        return new EnforcementDraft(measureAt, cure, suspend, revoke);
    }

    @Test
    void a_complete_document_becomes_the_policy_it_describes() {
        Policy policy = draft(requirements()).validate();

        assertThat(policy.id()).isEqualTo("csp-direct-2030");
        assertThat(policy.title()).isEqualTo("CSP direct bill requirements (2030)");
        assertThat(policy.effectiveFrom()).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(policy.requirements())
                .containsExactly(
                        new Requirement(
                                RequirementCode.LOCATION_ID,
                                Level.REQUIRED,
                                new RequirementParameters.LocationScope(RequirementParameters.Scope.MARKET)),
                        new Requirement(
                                RequirementCode.TTM_REVENUE,
                                Level.REQUIRED,
                                new RequirementParameters.RevenueThreshold(
                                        new BigDecimal("500000"),
                                        12,
                                        8,
                                        List.of(ProductCategory.AZURE_CONSUMPTION, ProductCategory.MARKETPLACE_SAAS))),
                        new Requirement(
                                RequirementCode.INDIRECT_TENURE, Level.REQUIRED, new RequirementParameters.Tenure(24)),
                        new Requirement(RequirementCode.ENDORSEMENT, Level.REQUIRED, new RequirementParameters.None()),
                        new Requirement(
                                RequirementCode.MANAGED_SERVICE, Level.RECOMMENDED, new RequirementParameters.None()));
    }

    @Test
    void omitted_parameters_and_enforcement_take_the_defaults_of_domain_md() {
        Policy policy = draft(List.of(
                        req("LOCATION_ID", "REQUIRED", null),
                        req("TTM_REVENUE", "REQUIRED", params()),
                        req("INDIRECT_TENURE", "REQUIRED", params())))
                .validate();

        assertThat(policy.enforcement()).isEqualTo(new Enforcement(Enforcement.MeasureAt.ANNIVERSARY, 30, 30, 60));
        assertThat(policy.requirement(RequirementCode.LOCATION_ID).orElseThrow().parameters())
                .isEqualTo(new RequirementParameters.LocationScope(RequirementParameters.Scope.MARKET));
        assertThat(policy.revenueThreshold())
                .contains(new RequirementParameters.RevenueThreshold(
                        new BigDecimal("300000"), 12, 8, ProductCategory.DEFAULT_COUNTED));
        assertThat(policy.requirement(RequirementCode.INDIRECT_TENURE)
                        .orElseThrow()
                        .parameters())
                .isEqualTo(new RequirementParameters.Tenure(12));
    }

    @Test
    void an_enforcement_given_in_part_takes_the_defaults_for_the_rest() {
        Policy policy = draft(enforcement("SUPPORT_RENEWAL", null, null, 90)).validate();

        assertThat(policy.enforcement()).isEqualTo(new Enforcement(Enforcement.MeasureAt.SUPPORT_RENEWAL, 30, 30, 90));
    }

    @Test
    void a_threshold_keeps_the_decimals_it_was_written_with_and_zero_is_a_threshold() {
        assertThat(withParameter(1, "thresholdUsd", "1000000.50")
                        .validate()
                        .revenueThreshold()
                        .orElseThrow()
                        .thresholdUsd())
                .isEqualTo(new BigDecimal("1000000.50"));
        assertThat(withParameter(1, "thresholdUsd", "0")
                        .validate()
                        .revenueThreshold()
                        .orElseThrow()
                        .thresholdUsd())
                .isEqualTo(new BigDecimal("0"));
    }

    @Test
    void a_missing_id_is_required() {
        refusedWith(withId(null), "id", "REQUIRED");
        refusedWith(withId("  "), "id", "REQUIRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSP-2030", "csp_2030", "ab", "-csp-2030", "csp 2030", "csp-direct-2030/x", "é-2030"})
    void an_id_that_is_not_a_lowercase_slug_is_refused(String id) {
        refusedWith(withId(id), "id", "INVALID_POLICY_ID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-force", "new", "compare"})
    void an_id_the_addresses_under_policies_already_use_is_refused(String id) {
        refusedWith(withId(id), "id", "RESERVED_POLICY_ID");
    }

    @Test
    void an_id_of_64_characters_is_accepted_and_65_refused() {
        assertThat(withId("a".repeat(64)).validate().id()).hasSize(64);
        refusedWith(withId("a".repeat(65)), "id", "INVALID_POLICY_ID");
    }

    @Test
    void a_missing_title_is_required() {
        refusedWith(withTitle(null), "title", "REQUIRED");
        refusedWith(withTitle(""), "title", "REQUIRED");
    }

    @Test
    void a_title_longer_than_200_characters_is_refused() {
        assertThat(withTitle("t".repeat(200)).validate().title()).hasSize(200);
        refusedWith(withTitle("t".repeat(201)), "title", "TOO_LONG");
    }

    @Test
    void a_missing_effective_date_is_required() {
        refusedWith(withEffectiveFrom(null), "effectiveFrom", "REQUIRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2030-02-30", "2030-13-01", "01/01/2030", "20300101", "tomorrow"})
    void an_effective_date_that_is_not_a_date_is_refused(String date) {
        refusedWith(withEffectiveFrom(date), "effectiveFrom", "INVALID_DATE");
    }

    @Test
    void a_policy_without_requirements_is_refused() {
        refusedWith(draft(List.of()), "requirements", "NO_REQUIREMENT");
        PolicyDraft valid = draft(requirements());
        refusedWith(
                new PolicyDraft(valid.id(), valid.title(), valid.effectiveFrom(), null, null),
                "requirements",
                "REQUIRED");
    }

    @Test
    void a_null_requirement_is_required() {
        List<@Nullable RequirementDraft> requirements = requirements();
        requirements.set(2, null);
        refusedWith(draft(requirements), "requirements[2]", "REQUIRED");
    }

    @Test
    void an_unknown_requirement_code_is_refused() {
        refusedWith(withRequirement(2, req("NICE_WEBSITE")), "requirements[2].code", "UNKNOWN_REQUIREMENT_CODE");
        // Codes are written exactly: upper case.
        refusedWith(withRequirement(2, req("endorsement")), "requirements[2].code", "UNKNOWN_REQUIREMENT_CODE");
    }

    @Test
    void a_missing_requirement_code_is_required() {
        refusedWith(withRequirement(3, req(null, "REQUIRED", null)), "requirements[3].code", "REQUIRED");
    }

    @Test
    void an_unknown_level_is_refused() {
        refusedWith(withRequirement(3, req("ENDORSEMENT", "MANDATORY", null)), "requirements[3].level", "INVALID_ENUM");
    }

    @Test
    void a_missing_level_is_required() {
        refusedWith(withRequirement(3, req("ENDORSEMENT", null, null)), "requirements[3].level", "REQUIRED");
    }

    @Test
    void a_code_listed_twice_is_refused_where_it_repeats() {
        List<@Nullable RequirementDraft> requirements = requirements();
        requirements.add(req("LOCATION_ID", "RECOMMENDED", params("scope", "ANY")));

        List<Violation> violations = violations(draft(requirements));

        assertThat(violations)
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("requirements[5].code", "DUPLICATE_REQUIREMENT"));
        assertThat(violations.get(0).arguments()).containsExactly("LOCATION_ID", 0);
    }

    @Test
    void a_parameter_not_listed_for_the_code_is_refused() {
        List<Violation> violations = violations(withParameter(1, "foo", "bar"));

        assertThat(violations)
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("requirements[1].parameters.foo", "UNKNOWN_PARAMETER"));
        assertThat(violations.get(0).arguments())
                .containsExactly("foo", "TTM_REVENUE", "thresholdUsd, windowMonths, refreshDay, countedCategories", 4);
    }

    @Test
    void a_parameter_of_another_code_is_refused_too() {
        refusedWith(withParameter(3, "scope", "ANY"), "requirements[3].parameters.scope", "UNKNOWN_PARAMETER");
        refusedWith(withParameter(0, "months", 12), "requirements[0].parameters.months", "UNKNOWN_PARAMETER");
    }

    @Test
    void a_scope_other_than_any_or_market_is_refused() {
        refusedWith(withParameter(0, "scope", "COUNTRY"), "requirements[0].parameters.scope", "INVALID_ENUM");
        refusedWith(withParameter(0, "scope", "market"), "requirements[0].parameters.scope", "INVALID_ENUM");
    }

    @Test
    void a_threshold_written_as_a_json_number_is_refused_since_money_is_a_decimal_string() {
        refusedWith(
                withParameter(1, "thresholdUsd", 300000),
                "requirements[1].parameters.thresholdUsd",
                "AMOUNT_NOT_A_STRING");
        refusedWith(
                withParameter(1, "thresholdUsd", 300000.5),
                "requirements[1].parameters.thresholdUsd",
                "AMOUNT_NOT_A_STRING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.01", "300000.001", "1e6", "300,000", "300 000", "abc", "", ".5", "5.", "+5"})
    void a_threshold_that_is_not_an_amount_of_at_most_two_decimals_at_or_above_zero_is_refused(String threshold) {
        refusedWith(
                withParameter(1, "thresholdUsd", threshold),
                "requirements[1].parameters.thresholdUsd",
                "INVALID_AMOUNT");
    }

    @Test
    void a_parameter_written_as_null_is_required() {
        refusedWith(withParameter(1, "thresholdUsd", null), "requirements[1].parameters.thresholdUsd", "REQUIRED");
        refusedWith(withParameter(2, "months", null), "requirements[2].parameters.months", "REQUIRED");
    }

    @Test
    void a_window_outside_1_to_36_months_is_refused() {
        assertThat(withParameter(1, "windowMonths", 36)
                        .validate()
                        .revenueThreshold()
                        .orElseThrow()
                        .windowMonths())
                .isEqualTo(36);
        refusedWith(withParameter(1, "windowMonths", 0), "requirements[1].parameters.windowMonths", "OUT_OF_RANGE");
        refusedWith(withParameter(1, "windowMonths", 37), "requirements[1].parameters.windowMonths", "OUT_OF_RANGE");
        refusedWith(
                withParameter(1, "windowMonths", new BigInteger("100000000000000000000")),
                "requirements[1].parameters.windowMonths",
                "OUT_OF_RANGE");
    }

    @Test
    void a_window_that_is_not_a_whole_number_is_refused() {
        refusedWith(
                withParameter(1, "windowMonths", "12"), "requirements[1].parameters.windowMonths", "INTEGER_EXPECTED");
        refusedWith(
                withParameter(1, "windowMonths", 12.5), "requirements[1].parameters.windowMonths", "INTEGER_EXPECTED");
    }

    @Test
    void a_refresh_day_outside_1_to_28_is_refused() {
        assertThat(withParameter(1, "refreshDay", 28)
                        .validate()
                        .revenueThreshold()
                        .orElseThrow()
                        .refreshDay())
                .isEqualTo(28);
        refusedWith(withParameter(1, "refreshDay", 29), "requirements[1].parameters.refreshDay", "OUT_OF_RANGE");
        refusedWith(withParameter(1, "refreshDay", 0), "requirements[1].parameters.refreshDay", "OUT_OF_RANGE");
    }

    @Test
    void counted_categories_must_be_a_list() {
        refusedWith(
                withParameter(1, "countedCategories", "AZURE_CONSUMPTION"),
                "requirements[1].parameters.countedCategories",
                "LIST_EXPECTED");
    }

    @Test
    void counted_categories_may_not_be_empty() {
        refusedWith(
                withParameter(1, "countedCategories", List.of()),
                "requirements[1].parameters.countedCategories",
                "EMPTY_LIST");
    }

    @Test
    void an_unknown_category_is_refused_at_its_place_in_the_list() {
        refusedWith(
                withParameter(1, "countedCategories", List.of("AZURE_CONSUMPTION", "HARDWARE")),
                "requirements[1].parameters.countedCategories[1]",
                "INVALID_ENUM");
    }

    @Test
    void a_category_listed_twice_is_refused_where_it_repeats() {
        refusedWith(
                withParameter(
                        1, "countedCategories", List.of("AZURE_CONSUMPTION", "MARKETPLACE_SAAS", "AZURE_CONSUMPTION")),
                "requirements[1].parameters.countedCategories[2]",
                "DUPLICATE_VALUE");
    }

    @Test
    void a_tenure_outside_1_to_120_months_is_refused() {
        refusedWith(withParameter(2, "months", 0), "requirements[2].parameters.months", "OUT_OF_RANGE");
        refusedWith(withParameter(2, "months", 121), "requirements[2].parameters.months", "OUT_OF_RANGE");
        assertThat(withParameter(2, "months", 120)
                        .validate()
                        .requirement(RequirementCode.INDIRECT_TENURE)
                        .orElseThrow()
                        .parameters())
                .isEqualTo(new RequirementParameters.Tenure(120));
    }

    @Test
    void an_unknown_moment_of_measure_is_refused() {
        refusedWith(draft(enforcement("MONTHLY", null, null, null)), "enforcement.measureAt", "INVALID_ENUM");
    }

    @Test
    void cure_days_outside_1_to_365_are_refused() {
        refusedWith(draft(enforcement(null, 0, null, null)), "enforcement.cureDays", "OUT_OF_RANGE");
        refusedWith(draft(enforcement(null, 366, null, null)), "enforcement.cureDays", "OUT_OF_RANGE");
        refusedWith(draft(enforcement(null, "30", null, null)), "enforcement.cureDays", "INTEGER_EXPECTED");
    }

    @Test
    void suspension_and_revocation_outside_1_to_730_days_are_refused() {
        refusedWith(draft(enforcement(null, null, 0, null)), "enforcement.suspendAfterDays", "OUT_OF_RANGE");
        refusedWith(draft(enforcement(null, null, null, 731)), "enforcement.revokeAfterDays", "OUT_OF_RANGE");
        assertThat(draft(enforcement(null, null, 729, 730)).validate().enforcement())
                .isEqualTo(new Enforcement(Enforcement.MeasureAt.ANNIVERSARY, 30, 729, 730));
    }

    @Test
    void a_revocation_not_after_the_suspension_is_refused() {
        refusedWith(draft(enforcement(null, null, 60, 60)), "enforcement.revokeAfterDays", "REVOKE_NOT_AFTER_SUSPEND");
        // The default suspension (30 days) counts too.
        refusedWith(
                draft(enforcement(null, null, null, 20)), "enforcement.revokeAfterDays", "REVOKE_NOT_AFTER_SUSPEND");
    }

    @Test
    void every_mistake_is_reported_at_once_each_under_its_own_field() {
        List<@Nullable RequirementDraft> requirements = requirements();
        requirements.set(0, req("LOCATION_ID", "REQUIRED", params("scope", "ALL")));
        requirements.set(
                1, req("TTM_REVENUE", "REQUIRED", params("thresholdUsd", 1000000, "windowMonths", 0, "foo", 1)));
        requirements.set(2, req("TENURE"));
        requirements.add(req("ENDORSEMENT", "OPTIONAL", null));
        PolicyDraft draft = new PolicyDraft("X", null, "2030-1-1", enforcement("NEVER", 400, 30, 10), requirements);

        assertThat(violations(draft))
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        tuple("id", "INVALID_POLICY_ID"),
                        tuple("title", "REQUIRED"),
                        tuple("effectiveFrom", "INVALID_DATE"),
                        tuple("enforcement.measureAt", "INVALID_ENUM"),
                        tuple("enforcement.cureDays", "OUT_OF_RANGE"),
                        tuple("enforcement.revokeAfterDays", "REVOKE_NOT_AFTER_SUSPEND"),
                        tuple("requirements[0].parameters.scope", "INVALID_ENUM"),
                        tuple("requirements[1].parameters.foo", "UNKNOWN_PARAMETER"),
                        tuple("requirements[1].parameters.thresholdUsd", "AMOUNT_NOT_A_STRING"),
                        tuple("requirements[1].parameters.windowMonths", "OUT_OF_RANGE"),
                        tuple("requirements[2].code", "UNKNOWN_REQUIREMENT_CODE"),
                        tuple("requirements[5].code", "DUPLICATE_REQUIREMENT"),
                        tuple("requirements[5].level", "INVALID_ENUM"));
    }

    @Test
    void a_policy_reads_back_from_its_own_document_unchanged() {
        Policy policy = draft(requirements()).validate();

        assertThat(PolicyDraft.of(policy).validate()).isEqualTo(policy);
        assertThat(PolicyDraft.of(policy).requirements())
                .extracting(RequirementDraft::parameters)
                .containsExactly(
                        params("scope", "MARKET"),
                        params(
                                "thresholdUsd",
                                "500000",
                                "windowMonths",
                                12,
                                "refreshDay",
                                8,
                                "countedCategories",
                                List.of("AZURE_CONSUMPTION", "MARKETPLACE_SAAS")),
                        params("months", 24),
                        params(),
                        params());
    }
}
