package org.directbill.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.directbill.partner.domain.MembershipStatus.ACTIVE;
import static org.directbill.partner.domain.MembershipStatus.PENDING;
import static org.directbill.partner.domain.MembershipStatus.REJECTED;
import static org.directbill.partner.domain.MembershipStatus.SUSPENDED;
import static org.directbill.policy.domain.FactsBuilder.location;

import java.util.List;
import org.directbill.policy.domain.RequirementParameters.LocationScope;
import org.directbill.policy.domain.RequirementParameters.Scope;
import org.junit.jupiter.api.Test;

/** LOCATION_ID: an ACTIVE location, any (2018) or in the market applied for (2020 and later). */
class LocationIdEvaluatorTest {

    static final Requirement ANY =
            new Requirement(RequirementCode.LOCATION_ID, Level.REQUIRED, new LocationScope(Scope.ANY));
    static final Requirement MARKET =
            new Requirement(RequirementCode.LOCATION_ID, Level.REQUIRED, new LocationScope(Scope.MARKET));

    final LocationIdEvaluator evaluator = new LocationIdEvaluator();

    RequirementResult evaluate(Requirement requirement, FactsBuilder facts) {
        return evaluator.evaluate(requirement, facts.build());
    }

    @Test
    void any_active_location_meets_scope_any_and_every_active_one_is_listed() {
        RequirementResult result = evaluate(
                ANY,
                new FactsBuilder()
                        .market(null)
                        .locations(
                                location("2000002", "DE", ACTIVE),
                                location("1000001", "FR", SUSPENDED),
                                location("1000003", "US", ACTIVE)));

        assertThat(result.status()).isEqualTo(RequirementStatus.MET);
        assertThat(result.reason()).isEqualTo("LOCATION_ACTIVE");
        assertThat(result.reasonArguments()).containsExactly("1000003, 2000002");
        assertThat(result.details())
                .containsEntry("scope", "ANY")
                .containsEntry("locationIds", List.of("1000003", "2000002"));
        assertThat(result.details()).doesNotContainKey("market");
    }

    @Test
    void a_location_in_another_country_meets_the_2018_policy_but_not_the_2020_one() {
        FactsBuilder facts = new FactsBuilder().market("FR").locations(location("3000003", "BE", ACTIVE));

        RequirementResult in2018 = Eligibility.evaluate(BuiltInPolicyFixtures.CSP_DIRECT_2018, facts.build())
                .requirement(RequirementCode.LOCATION_ID)
                .orElseThrow();
        RequirementResult in2020 = Eligibility.evaluate(BuiltInPolicyFixtures.CSP_DIRECT_2020, facts.build())
                .requirement(RequirementCode.LOCATION_ID)
                .orElseThrow();

        assertThat(in2018.status()).isEqualTo(RequirementStatus.MET);
        assertThat(in2020.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(in2020.reason()).isEqualTo("NO_LOCATION_IN_MARKET");
        assertThat(in2020.reasonArguments()).containsExactly("FR", "BE");
        assertThat(in2020.details()).containsEntry("market", "FR").containsEntry("countries", List.of("BE"));
    }

    @Test
    void scope_market_lists_only_the_active_locations_of_that_market() {
        RequirementResult result = evaluate(
                MARKET,
                new FactsBuilder()
                        .market("FR")
                        .locations(
                                location("1000001", "FR", ACTIVE),
                                location("1000002", "FR", PENDING),
                                location("2000002", "DE", ACTIVE)));

        assertThat(result.status()).isEqualTo(RequirementStatus.MET);
        assertThat(result.reason()).isEqualTo("LOCATION_ACTIVE_IN_MARKET");
        assertThat(result.reasonArguments()).containsExactly("FR", "1000001");
        assertThat(result.details())
                .containsEntry("scope", "MARKET")
                .containsEntry("market", "FR")
                .containsEntry("locationIds", List.of("1000001"));
    }

    @Test
    void the_market_is_matched_whatever_its_case() {
        RequirementResult result =
                evaluate(MARKET, new FactsBuilder().market("fr").locations(location("1000001", "FR", ACTIVE)));

        assertThat(result.status()).isEqualTo(RequirementStatus.MET);
        assertThat(result.details()).containsEntry("market", "FR");
    }

    @Test
    void no_location_at_all_is_not_met_under_either_scope() {
        for (Requirement requirement : List.of(ANY, MARKET)) {
            RequirementResult result = evaluate(requirement, new FactsBuilder().locations());

            assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
            assertThat(result.reason()).isEqualTo("NO_LOCATION");
            assertThat(result.reasonArguments()).isEmpty();
        }
    }

    @Test
    void only_suspended_or_rejected_locations_are_not_met_with_their_statuses() {
        RequirementResult result = evaluate(
                ANY,
                new FactsBuilder()
                        .locations(location("1000002", "FR", REJECTED), location("1000001", "DE", SUSPENDED)));

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("LOCATION_NOT_ACTIVE");
        assertThat(result.reasonArguments()).containsExactly("1000001, 1000002", "REJECTED, SUSPENDED");
        assertThat(result.details()).containsEntry("membershipStatuses", List.of("REJECTED", "SUSPENDED"));
    }

    @Test
    void locations_in_the_market_none_active_are_not_met_naming_the_market() {
        RequirementResult result = evaluate(
                MARKET,
                new FactsBuilder()
                        .market("FR")
                        .locations(location("1000001", "FR", SUSPENDED), location("2000002", "DE", ACTIVE)));

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("LOCATION_NOT_ACTIVE_IN_MARKET");
        assertThat(result.reasonArguments()).containsExactly("FR", "1000001", "SUSPENDED");
    }

    @Test
    void a_qualifying_location_awaiting_approval_is_pending_rather_than_not_met() {
        RequirementResult any = evaluate(
                ANY,
                new FactsBuilder().locations(location("1000001", "FR", SUSPENDED), location("1000002", "DE", PENDING)));
        RequirementResult market = evaluate(
                MARKET,
                new FactsBuilder()
                        .market("FR")
                        .locations(location("1000001", "FR", PENDING), location("2000002", "DE", PENDING)));

        assertThat(any.status()).isEqualTo(RequirementStatus.PENDING);
        assertThat(any.reason()).isEqualTo("LOCATION_AWAITING_APPROVAL");
        assertThat(any.reasonArguments()).containsExactly("1000002");
        assertThat(market.status()).isEqualTo(RequirementStatus.PENDING);
        assertThat(market.reason()).isEqualTo("LOCATION_AWAITING_APPROVAL_IN_MARKET");
        assertThat(market.reasonArguments()).containsExactly("FR", "1000001");
    }

    @Test
    void a_location_awaiting_approval_in_another_market_does_not_make_it_pending() {
        RequirementResult result =
                evaluate(MARKET, new FactsBuilder().market("FR").locations(location("2000002", "DE", PENDING)));

        assertThat(result.status()).isEqualTo(RequirementStatus.NOT_MET);
        assertThat(result.reason()).isEqualTo("NO_LOCATION_IN_MARKET");
    }

    @Test
    void scope_market_without_a_market_is_a_programming_error() {
        assertThatThrownBy(() -> evaluate(MARKET, new FactsBuilder().market(null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scope_any_needs_no_market() {
        assertThat(evaluate(ANY, new FactsBuilder().market(null)).status()).isEqualTo(RequirementStatus.MET);
    }
}
