package org.directbill.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.directbill.partner.Callers;
import org.directbill.partner.domain.Caller;
import org.directbill.partner.domain.PartnerId;
import org.directbill.partner.domain.Role;
import org.directbill.partner.domain.UserId;
import org.directbill.policy.domain.Policy;
import org.directbill.revenue.domain.CountingRules;
import org.directbill.revenue.domain.TtmParameters;
import org.directbill.shared.problem.NotFound;
import org.directbill.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The policies service with the built-ins loaded from their files, and the counting rules revenue asks. */
@IntegrationTest
class PoliciesTest {

    @Autowired
    Policies policies;

    @Autowired
    CountingRules countingRules;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static <T> T as(Caller caller, Supplier<T> work) {
        Callers.CallerHolder holder = () -> caller;
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(holder, null, List.of()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Caller partnerUser() {
        return new Caller(UserId.random(), "viewer@example.com", Set.of(Role.REPORT_VIEWER), PartnerId.random());
    }

    private Optional<String> inForce(String date) {
        return as(partnerUser(), () -> policies.inForceOn(LocalDate.parse(date)).map(Policy::id));
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
    void the_policy_in_force_at_each_boundary_of_the_built_ins(String date, String policy) {
        assertThat(inForce(date)).contains(policy);
    }

    @Test
    void no_policy_is_in_force_the_day_before_the_first_built_in() {
        assertThat(inForce("2018-08-30")).isEmpty();
    }

    @Test
    void any_signed_in_user_reads_the_built_ins_as_the_table_says() {
        List<Policy> all = as(partnerUser(), policies::all);

        assertThat(all.subList(0, 4))
                .containsExactly(
                        BuiltInTable.POLICIES.get("csp-direct-2018"),
                        BuiltInTable.POLICIES.get("csp-direct-2020"),
                        BuiltInTable.POLICIES.get("csp-direct-2021"),
                        BuiltInTable.POLICIES.get("csp-direct-fy26"));
        assertThat(as(partnerUser(), () -> policies.get("csp-direct-2020")))
                .isEqualTo(BuiltInTable.POLICIES.get("csp-direct-2020"));
        assertThat(as(partnerUser(), () -> policies.find("csp-direct-1999"))).isEmpty();
    }

    @Test
    void an_unknown_policy_is_not_found() {
        assertThatThrownBy(() -> as(partnerUser(), () -> policies.get("csp-direct-1999")))
                .isInstanceOf(NotFound.class)
                .hasMessage("POLICY_NOT_FOUND");
    }

    @Test
    void reading_needs_someone_signed_in() {
        assertThatThrownBy(() -> policies.all()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> policies.inForceOn(LocalDate.parse("2021-01-01")))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void publishing_is_for_program_admins_only() {
        String id = PolicyFixtures.uniqueId();
        org.directbill.policy.domain.PolicyDraft draft = BuiltInPolicyFiles.JSON.readValue(
                PolicyFixtures.document(id, PolicyFixtures.uniqueDate()),
                org.directbill.policy.domain.PolicyDraft.class);
        for (Role role : List.of(Role.REVIEWER, Role.CREDIT_ANALYST, Role.INTEGRATION)) {
            Caller staff = new Caller(UserId.random(), "staff@example.com", Set.of(role), null);
            assertThatThrownBy(() -> as(staff, () -> policies.publish(draft)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        Caller globalAdmin =
                new Caller(UserId.random(), "global@example.com", Set.of(Role.GLOBAL_ADMIN), PartnerId.random());
        assertThatThrownBy(() -> as(globalAdmin, () -> policies.publish(draft)))
                .isInstanceOf(AccessDeniedException.class);
        Caller admin = new Caller(UserId.random(), "admin@example.com", Set.of(Role.PROGRAM_ADMIN), null);
        assertThat(as(admin, () -> policies.publish(draft)).id()).isEqualTo(id);
    }

    @Test
    void revenue_is_counted_by_the_policy_in_force_on_its_date() {
        CountingRules.InForce in2019 = countingRules.on(LocalDate.parse("2019-06-01"));
        assertThat(in2019.policyId()).isEqualTo("csp-direct-2018");
        assertThat(in2019.thresholdUsd()).isEmpty();
        assertThat(in2019.parameters()).isEqualTo(TtmParameters.defaults());

        assertThat(countingRules.on(LocalDate.parse("2020-10-26")).policyId()).isEqualTo("csp-direct-2018");
        CountingRules.InForce in2020 = countingRules.on(LocalDate.parse("2020-10-27"));
        assertThat(in2020.policyId()).isEqualTo("csp-direct-2020");
        assertThat(in2020.thresholdUsd()).contains(new BigDecimal("300000"));

        assertThat(countingRules.on(LocalDate.parse("2025-09-30")).thresholdUsd())
                .contains(new BigDecimal("300000"));
        CountingRules.InForce fy26 = countingRules.on(LocalDate.parse("2025-10-01"));
        assertThat(fy26.policyId()).isEqualTo("csp-direct-fy26");
        assertThat(fy26.thresholdUsd()).contains(new BigDecimal("1000000"));
    }

    @Test
    void before_the_first_policy_revenue_is_counted_by_the_earliest_one() {
        CountingRules.InForce early = countingRules.on(LocalDate.parse("2018-08-30"));

        assertThat(early.policyId()).isEqualTo("csp-direct-2018");
        assertThat(early.requirement()).isEmpty();
    }
}
