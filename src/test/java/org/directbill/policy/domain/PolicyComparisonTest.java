package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.directbill.policy.BuiltInPolicyFiles;
import org.directbill.policy.domain.PolicyComparison.Change;
import org.directbill.policy.domain.PolicyComparison.FieldChange;
import org.directbill.policy.domain.PolicyComparison.RequirementChange;
import org.directbill.revenue.domain.ProductCategory;
import org.junit.jupiter.api.Test;

/** What changed from one policy version to another, requirement by requirement. */
class PolicyComparisonTest {

    private static final Policy P2018 = BuiltInPolicyFiles.policy("csp-direct-2018");
    private static final Policy P2020 = BuiltInPolicyFiles.policy("csp-direct-2020");
    private static final Policy P2021 = BuiltInPolicyFiles.policy("csp-direct-2021");
    private static final Policy FY26 = BuiltInPolicyFiles.policy("csp-direct-fy26");

    private static RequirementChange change(PolicyComparison comparison, RequirementCode code) {
        return comparison.byCode().get(code);
    }

    @Test
    void a_policy_compared_with_itself_is_unchanged_everywhere() {
        PolicyComparison same = PolicyComparison.between(P2021, P2021);

        assertThat(same.identical()).isTrue();
        assertThat(same.fields()).isEmpty();
        assertThat(same.requirements()).allSatisfy(r -> assertThat(r.changes()).containsExactly(Change.UNCHANGED));
        assertThat(same.requirements()).hasSize(P2021.requirements().size());
    }

    @Test
    void the_title_and_effective_date_changes_are_listed_with_both_values() {
        PolicyComparison comparison = PolicyComparison.between(P2020, P2021);

        assertThat(comparison.identical()).isFalse();
        assertThat(comparison.fields())
                .containsExactly(
                        new FieldChange(
                                "title",
                                "CSP direct bill requirements (October 2020)",
                                "CSP direct bill requirements (April 2021)"),
                        new FieldChange("effectiveFrom", "2020-10-27", "2021-04-15"));
    }

    @Test
    void an_enforcement_change_names_each_changed_value() {
        PolicyComparison comparison = PolicyComparison.between(P2021, FY26);

        assertThat(comparison.fields())
                .extracting(FieldChange::name, FieldChange::before, FieldChange::after)
                .contains(tuple("enforcement.measureAt", "SUPPORT_RENEWAL", "ANNIVERSARY"));
        Policy longer = new Policy(
                FY26.id(),
                FY26.title(),
                FY26.effectiveFrom(),
                new Enforcement(Enforcement.MeasureAt.ANNIVERSARY, 45, 30, 90),
                FY26.requirements());
        assertThat(PolicyComparison.between(FY26, longer).fields())
                .containsExactly(
                        new FieldChange("enforcement.cureDays", 30, 45),
                        new FieldChange("enforcement.revokeAfterDays", 60, 90));
    }

    @Test
    void a_requirement_only_in_the_newer_policy_is_added() {
        RequirementChange tenure = change(PolicyComparison.between(P2020, P2021), RequirementCode.INDIRECT_TENURE);

        assertThat(tenure.changes()).containsExactly(Change.ADDED);
        assertThat(tenure.before()).isNull();
        assertThat(tenure.after())
                .isEqualTo(P2021.requirement(RequirementCode.INDIRECT_TENURE).orElseThrow());
    }

    @Test
    void a_requirement_only_in_the_older_policy_is_removed() {
        RequirementChange tenure = change(PolicyComparison.between(P2021, P2020), RequirementCode.INDIRECT_TENURE);

        assertThat(tenure.changes()).containsExactly(Change.REMOVED);
        assertThat(tenure.before()).isNotNull();
        assertThat(tenure.after()).isNull();
    }

    @Test
    void a_requirement_moved_from_required_to_recommended_has_its_level_changed() {
        RequirementChange managed = change(PolicyComparison.between(P2018, P2020), RequirementCode.MANAGED_SERVICE);

        assertThat(managed.changes()).containsExactly(Change.LEVEL_CHANGED);
        assertThat(managed.before().level()).isEqualTo(Level.REQUIRED);
        assertThat(managed.after().level()).isEqualTo(Level.RECOMMENDED);
        assertThat(managed.parameters()).isEmpty();
    }

    @Test
    void a_new_threshold_is_a_parameter_change_with_its_old_and_new_value() {
        RequirementChange revenue = change(PolicyComparison.between(P2021, FY26), RequirementCode.TTM_REVENUE);

        assertThat(revenue.changes()).containsExactly(Change.PARAMETERS_CHANGED);
        assertThat(revenue.parameters()).containsExactly(new FieldChange("thresholdUsd", "300000", "1000000"));
    }

    @Test
    void a_new_scope_is_a_parameter_change() {
        RequirementChange location = change(PolicyComparison.between(P2018, P2020), RequirementCode.LOCATION_ID);

        assertThat(location.changes()).containsExactly(Change.PARAMETERS_CHANGED);
        assertThat(location.parameters()).containsExactly(new FieldChange("scope", "ANY", "MARKET"));
    }

    @Test
    void a_level_and_parameters_changed_together_are_both_said() {
        Policy changed = replace(
                P2021,
                new Requirement(
                        RequirementCode.INDIRECT_TENURE, Level.RECOMMENDED, new RequirementParameters.Tenure(24)));

        RequirementChange tenure = change(PolicyComparison.between(P2021, changed), RequirementCode.INDIRECT_TENURE);

        assertThat(tenure.changes()).containsExactly(Change.LEVEL_CHANGED, Change.PARAMETERS_CHANGED);
        assertThat(tenure.parameters()).containsExactly(new FieldChange("months", 12, 24));
    }

    @Test
    void the_same_threshold_written_with_decimals_or_categories_in_another_order_is_unchanged() {
        List<ProductCategory> reversed = new ArrayList<>(ProductCategory.DEFAULT_COUNTED);
        java.util.Collections.reverse(reversed);
        Policy rewritten = replace(
                P2021,
                new Requirement(
                        RequirementCode.TTM_REVENUE,
                        Level.REQUIRED,
                        new RequirementParameters.RevenueThreshold(new BigDecimal("300000.00"), 12, 8, reversed)));

        assertThat(change(PolicyComparison.between(P2021, rewritten), RequirementCode.TTM_REVENUE)
                        .changes())
                .containsExactly(Change.UNCHANGED);
    }

    @Test
    void requirements_come_in_the_order_of_the_codes_whatever_the_documents_order() {
        List<Requirement> reversed = new ArrayList<>(FY26.requirements());
        java.util.Collections.reverse(reversed);
        Policy backwards =
                new Policy("backwards", FY26.title(), LocalDate.of(2030, 1, 1), FY26.enforcement(), reversed);

        PolicyComparison comparison = PolicyComparison.between(P2018, backwards);

        assertThat(comparison.requirements())
                .extracting(RequirementChange::code)
                .containsExactly(RequirementCode.values());
        assertThat(comparison.requirements())
                .extracting(RequirementChange::code, r -> r.changes().iterator().next())
                .containsExactly(
                        tuple(RequirementCode.LOCATION_ID, Change.PARAMETERS_CHANGED),
                        tuple(RequirementCode.ENDORSEMENT, Change.UNCHANGED),
                        tuple(RequirementCode.SUPPORT_CAPABILITY, Change.UNCHANGED),
                        tuple(RequirementCode.SUPPORT_PLAN, Change.ADDED),
                        tuple(RequirementCode.BILLING_INFRASTRUCTURE, Change.UNCHANGED),
                        tuple(RequirementCode.MANAGED_SERVICE, Change.LEVEL_CHANGED),
                        tuple(RequirementCode.TTM_REVENUE, Change.ADDED),
                        tuple(RequirementCode.INDIRECT_TENURE, Change.ADDED),
                        tuple(RequirementCode.BUSINESS_VETTING, Change.ADDED),
                        tuple(RequirementCode.OPERATIONAL_ASSESSMENT, Change.ADDED),
                        tuple(RequirementCode.SECURITY_SCORE, Change.ADDED),
                        tuple(RequirementCode.SOLUTIONS_DESIGNATION, Change.ADDED));
    }

    private static Policy replace(Policy policy, Requirement replacement) {
        List<Requirement> requirements = new ArrayList<>();
        for (Requirement requirement : policy.requirements()) {
            requirements.add(requirement.code() == replacement.code() ? replacement : requirement);
        }
        return new Policy(
                policy.id() + "-changed", policy.title(), policy.effectiveFrom(), policy.enforcement(), requirements);
    }
}
