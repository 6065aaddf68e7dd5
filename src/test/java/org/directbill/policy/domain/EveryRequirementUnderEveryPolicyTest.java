package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.policy.domain.FactsBuilder.AS_OF;
import static org.directbill.policy.domain.FactsBuilder.location;
import static org.directbill.policy.domain.FactsBuilder.plan;
import static org.directbill.policy.domain.RequirementStatus.MET;
import static org.directbill.policy.domain.RequirementStatus.NOT_MET;
import static org.directbill.policy.domain.RequirementStatus.PENDING;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.directbill.partner.domain.FactStatus;
import org.directbill.partner.domain.MembershipStatus;
import org.directbill.partner.domain.PartnerProfile.BillingInfrastructure;
import org.directbill.partner.domain.PartnerProfile.Signatory;
import org.directbill.partner.domain.PartnerProfile.SupportCapability;
import org.directbill.partner.domain.SupportPlan;
import org.directbill.revenue.domain.RevenueResult.MissingRate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of the four built-in policies, each of its requirements, met and broken in every way the
 * rule knows: the broken requirement alone changes, and the outcome follows its level.
 */
class EveryRequirementUnderEveryPolicyTest {

    /** One way to break a requirement: what changes in the facts, the status and reason it gives. */
    record Breach(
            String name, RequirementStatus status, @Nullable Reason reason, Consumer<FactsBuilder> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Map<RequirementCode, List<Breach>> BREACHES = new EnumMap<>(RequirementCode.class);

    static {
        breach(
                RequirementCode.LOCATION_ID,
                new Breach("no location at all", NOT_MET, null, f -> f.locations()),
                new Breach(
                        "only a suspended location",
                        NOT_MET,
                        null,
                        f -> f.locations(location("1000001", "FR", MembershipStatus.SUSPENDED))),
                new Breach(
                        "only a location awaiting approval",
                        PENDING,
                        null,
                        f -> f.locations(location("1000001", "FR", MembershipStatus.PENDING))));
        breach(
                RequirementCode.ENDORSEMENT,
                new Breach("no signatory", NOT_MET, Reason.NO_SIGNATORY, f -> f.signatory(null)),
                new Breach(
                        "a signatory without authority",
                        NOT_MET,
                        Reason.SIGNATORY_WITHOUT_AUTHORITY,
                        f -> f.signatory(new Signatory("Bob", "bob@example.com", null, false))));
        breach(
                RequirementCode.SUPPORT_CAPABILITY,
                new Breach(
                        "no capability declared",
                        NOT_MET,
                        Reason.NO_SUPPORT_CAPABILITY,
                        f -> f.supportCapability(null)),
                new Breach(
                        "no first-level support",
                        NOT_MET,
                        Reason.NO_FIRST_LEVEL_SUPPORT,
                        f -> f.supportCapability(new SupportCapability(false, null))));
        breach(
                RequirementCode.SUPPORT_PLAN,
                new Breach("no plan", NOT_MET, Reason.NO_SUPPORT_PLAN, f -> f.supportPlans()),
                new Breach(
                        "a plan that lapsed yesterday",
                        NOT_MET,
                        Reason.SUPPORT_PLAN_EXPIRED,
                        f -> f.supportPlans(
                                plan(SupportPlan.Type.PSFP, "P-1", AS_OF.minusYears(1), AS_OF.minusDays(1)))),
                new Breach(
                        "a plan that starts tomorrow",
                        NOT_MET,
                        Reason.SUPPORT_PLAN_NOT_STARTED,
                        f -> f.supportPlans(
                                plan(SupportPlan.Type.ASFP, "A-2", AS_OF.plusDays(1), AS_OF.plusYears(1)))));
        breach(
                RequirementCode.BILLING_INFRASTRUCTURE,
                new Breach("no billing declared", NOT_MET, Reason.NO_BILLING_INFRASTRUCTURE, f -> f.billing(null)),
                new Breach(
                        "billing not in place",
                        NOT_MET,
                        Reason.BILLING_NOT_IN_PLACE,
                        f -> f.billing(new BillingInfrastructure(false, null))));
        breach(
                RequirementCode.MANAGED_SERVICE,
                new Breach("no managed service", NOT_MET, Reason.NO_MANAGED_SERVICE, f -> f.managedServices()));
        breach(
                RequirementCode.TTM_REVENUE,
                new Breach("revenue far below", NOT_MET, Reason.REVENUE_BELOW_THRESHOLD, f -> f.revenue("100000")),
                // 1,200,000 with every open sale counted, 200,000 with none: both thresholds in between.
                new Breach(
                        "open sales deciding", PENDING, Reason.REVENUE_OPEN_SALES_DECIDE, f -> f.openAmount("1000000")),
                new Breach(
                        "a rate missing",
                        PENDING,
                        Reason.REVENUE_RATES_MISSING,
                        f -> f.ratesMissing(1, new MissingRate("CHF", LocalDate.of(2025, 3, 14)))));
        breach(
                RequirementCode.INDIRECT_TENURE,
                new Breach(
                        "never an indirect reseller",
                        NOT_MET,
                        Reason.NOT_AN_INDIRECT_RESELLER,
                        f -> f.indirectResellerSince(null)),
                new Breach(
                        "an indirect reseller for a day less than 12 months",
                        NOT_MET,
                        Reason.INDIRECT_TENURE_TOO_SHORT,
                        f -> f.indirectResellerSince(AS_OF.minusMonths(12).plusDays(1))));
        breach(
                RequirementCode.BUSINESS_VETTING,
                new Breach("vetting failed", NOT_MET, Reason.VETTING_FAILED, f -> f.businessVetting(FactStatus.FAILED)),
                new Breach(
                        "vetting in progress",
                        PENDING,
                        Reason.VETTING_IN_PROGRESS,
                        f -> f.businessVetting(FactStatus.PENDING)),
                new Breach("vetting not recorded", PENDING, Reason.VETTING_NOT_RECORDED, f -> f.businessVetting(null)));
        breach(
                RequirementCode.OPERATIONAL_ASSESSMENT,
                new Breach(
                        "assessment failed",
                        NOT_MET,
                        Reason.ASSESSMENT_FAILED,
                        f -> f.operationalAssessment(FactStatus.FAILED)),
                new Breach(
                        "assessment in progress",
                        PENDING,
                        Reason.ASSESSMENT_IN_PROGRESS,
                        f -> f.operationalAssessment(FactStatus.PENDING)),
                new Breach(
                        "assessment not recorded",
                        PENDING,
                        Reason.ASSESSMENT_NOT_RECORDED,
                        f -> f.operationalAssessment(null)));
        breach(
                RequirementCode.SECURITY_SCORE,
                new Breach(
                        "security score incomplete",
                        NOT_MET,
                        Reason.SECURITY_SCORE_INCOMPLETE,
                        f -> f.securityScoreComplete(false)),
                new Breach(
                        "security score not reported",
                        PENDING,
                        Reason.SECURITY_SCORE_NOT_REPORTED,
                        f -> f.securityScoreComplete(null)));
        breach(
                RequirementCode.SOLUTIONS_DESIGNATION,
                new Breach("no designation", NOT_MET, Reason.NO_DESIGNATION, f -> f.designations()));
    }

    private static void breach(RequirementCode code, Breach... breaches) {
        BREACHES.put(code, List.of(breaches));
    }

    static Stream<Policy> policies() {
        return BuiltInPolicyFixtures.ALL.stream();
    }

    static Stream<Arguments> breaches() {
        return BuiltInPolicyFixtures.ALL.stream()
                .flatMap(policy -> policy.requirements().stream()
                        .flatMap(requirement -> BREACHES.get(requirement.code()).stream()
                                .map(breach -> Arguments.of(policy.id(), requirement.code(), breach))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void a_partner_meeting_everything_meets_every_requirement_and_is_eligible(Policy policy) {
        EligibilityResult result = Eligibility.evaluate(policy, new FactsBuilder().build());

        assertThat(result.requirements())
                .extracting(RequirementResult::code)
                .containsExactlyElementsOf(
                        policy.requirements().stream().map(Requirement::code).toList());
        assertThat(result.requirements())
                .allSatisfy(r -> assertThat(r.status()).as(r.code().name()).isEqualTo(MET));
        assertThat(result.requirements())
                .allSatisfy(r -> assertThat(Reason.valueOf(r.reason()).status()).isEqualTo(MET));
        assertThat(result.outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("breaches")
    void a_broken_requirement_alone_changes_and_the_outcome_follows_its_level(
            String policyId, RequirementCode code, Breach breach) {
        Policy policy = policy(policyId);
        Requirement requirement = policy.requirement(code).orElseThrow();
        FactsBuilder facts = new FactsBuilder();
        breach.change().accept(facts);

        EligibilityResult result = Eligibility.evaluate(policy, facts.build());

        RequirementResult broken = result.requirement(code).orElseThrow();
        assertThat(broken.status()).isEqualTo(breach.status());
        assertThat(broken.level()).isEqualTo(requirement.level());
        if (breach.reason() != null) {
            assertThat(broken.reason()).isEqualTo(breach.reason().name());
        }
        assertThat(result.requirements())
                .filteredOn(r -> r.code() != code)
                .allSatisfy(r -> assertThat(r.status()).as(r.code().name()).isEqualTo(MET));
        Outcome expected = requirement.level() == Level.RECOMMENDED
                ? Outcome.ELIGIBLE
                : breach.status() == NOT_MET ? Outcome.INELIGIBLE : Outcome.PENDING;
        assertThat(result.outcome()).isEqualTo(expected);
    }

    @Test
    void every_code_is_broken_at_least_once_not_met_and_pending_when_the_rule_has_it() {
        for (RequirementCode code : RequirementCode.values()) {
            Set<RequirementStatus> statuses =
                    BREACHES.get(code).stream().map(Breach::status).collect(Collectors.toSet());
            Set<RequirementStatus> ruleHas = Arrays.stream(Reason.values())
                    .filter(reason -> reason.code() == code && reason.status() != MET)
                    .filter(reason -> !reason.name().startsWith("REVENUE_HIDDEN_"))
                    .map(Reason::status)
                    .collect(Collectors.toSet());
            assertThat(statuses).as(code.name()).isEqualTo(ruleHas);
        }
    }

    @Test
    void every_code_is_listed_by_at_least_one_built_in_policy() {
        assertThat(BuiltInPolicyFixtures.ALL.stream()
                        .flatMap(p -> p.requirements().stream())
                        .map(Requirement::code)
                        .distinct())
                .containsExactlyInAnyOrder(RequirementCode.values());
    }

    @Test
    void facts_a_policy_does_not_ask_about_do_not_matter() {
        FactsBuilder facts = new FactsBuilder()
                .supportPlans()
                .withoutRevenue()
                .indirectResellerSince(null)
                .businessVetting(FactStatus.FAILED)
                .operationalAssessment(FactStatus.FAILED)
                .securityScoreComplete(false)
                .designations()
                .market(null);

        assertThat(Eligibility.evaluate(BuiltInPolicyFixtures.CSP_DIRECT_2018, facts.build())
                        .outcome())
                .isEqualTo(Outcome.ELIGIBLE);
    }

    private static Policy policy(String id) {
        return BuiltInPolicyFixtures.ALL.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
