package org.directbill.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.directbill.partner.domain.PartnerPermission.Decision.ALLOWED;
import static org.directbill.partner.domain.PartnerPermission.Decision.DENIED;
import static org.directbill.partner.domain.PartnerPermission.Decision.HIDDEN;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.directbill.partner.domain.PartnerPermission.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what to a partner's resources (domain.md "Who uses the system", api.md "Partners").
 * The expected matrix is written out here, not read from the enum, so a change to the enum fails.
 */
class PartnerPermissionTest {

    static final PartnerId OWN = PartnerId.random();
    static final PartnerId OTHER = PartnerId.random();

    static final Set<Role> PARTNER_ROLES = EnumSet.of(
            Role.GLOBAL_ADMIN,
            Role.ACCOUNT_ADMIN,
            Role.ADMIN_AGENT,
            Role.SALES_AGENT,
            Role.BILLING_ADMIN,
            Role.REPORT_VIEWER);
    static final Set<Role> STAFF_ROLES = EnumSet.of(Role.PROGRAM_ADMIN, Role.REVIEWER, Role.CREDIT_ANALYST);

    /** The partner roles allowed on their own partner. */
    static final Map<PartnerPermission, Set<Role>> OWN_PARTNER = new EnumMap<>(Map.ofEntries(
            Map.entry(PartnerPermission.READ, PARTNER_ROLES),
            Map.entry(PartnerPermission.MANAGE_LOCATIONS, EnumSet.noneOf(Role.class)),
            Map.entry(PartnerPermission.READ_USERS, EnumSet.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
            Map.entry(PartnerPermission.CREATE_USERS, EnumSet.of(Role.GLOBAL_ADMIN)),
            Map.entry(PartnerPermission.EDIT_DECLARED_PROFILE, EnumSet.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
            Map.entry(PartnerPermission.EDIT_PROGRAM_FACTS, EnumSet.noneOf(Role.class)),
            Map.entry(PartnerPermission.RECORD_SUPPORT_PLAN, EnumSet.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
            Map.entry(
                    PartnerPermission.READ_REVENUE,
                    EnumSet.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN, Role.BILLING_ADMIN)),
            Map.entry(
                    PartnerPermission.READ_SALES_VERIFICATIONS,
                    EnumSet.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN, Role.BILLING_ADMIN)),
            Map.entry(PartnerPermission.REVIEW_SALES, EnumSet.noneOf(Role.class)),
            Map.entry(
                    PartnerPermission.ANSWER_SALES_VERIFICATIONS,
                    EnumSet.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN, Role.BILLING_ADMIN)),
            Map.entry(PartnerPermission.START_ENROLLMENT, EnumSet.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
            // The seeds: only the Global admin submits an enrollment and accepts the agreement.
            Map.entry(PartnerPermission.SUBMIT_ENROLLMENT, EnumSet.of(Role.GLOBAL_ADMIN)),
            Map.entry(PartnerPermission.REVIEW_ENROLLMENT, EnumSet.noneOf(Role.class)),
            Map.entry(PartnerPermission.ANSWER_ENROLLMENT, EnumSet.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN)),
            Map.entry(PartnerPermission.DECIDE_CREDIT, EnumSet.noneOf(Role.class)),
            Map.entry(PartnerPermission.WITHDRAW_ENROLLMENT, EnumSet.of(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN))));

    /** The program roles allowed on any partner. */
    static final Map<PartnerPermission, Set<Role>> STAFF = new EnumMap<>(Map.ofEntries(
            Map.entry(PartnerPermission.READ, STAFF_ROLES),
            Map.entry(PartnerPermission.MANAGE_LOCATIONS, EnumSet.of(Role.PROGRAM_ADMIN)),
            Map.entry(PartnerPermission.READ_USERS, STAFF_ROLES),
            Map.entry(PartnerPermission.CREATE_USERS, EnumSet.of(Role.PROGRAM_ADMIN)),
            Map.entry(PartnerPermission.EDIT_DECLARED_PROFILE, EnumSet.of(Role.PROGRAM_ADMIN)),
            Map.entry(PartnerPermission.EDIT_PROGRAM_FACTS, EnumSet.of(Role.PROGRAM_ADMIN, Role.REVIEWER)),
            Map.entry(PartnerPermission.RECORD_SUPPORT_PLAN, EnumSet.of(Role.PROGRAM_ADMIN)),
            Map.entry(PartnerPermission.READ_REVENUE, STAFF_ROLES),
            Map.entry(PartnerPermission.READ_SALES_VERIFICATIONS, STAFF_ROLES),
            Map.entry(PartnerPermission.REVIEW_SALES, EnumSet.of(Role.PROGRAM_ADMIN, Role.REVIEWER)),
            Map.entry(PartnerPermission.ANSWER_SALES_VERIFICATIONS, EnumSet.of(Role.PROGRAM_ADMIN)),
            Map.entry(PartnerPermission.START_ENROLLMENT, EnumSet.of(Role.PROGRAM_ADMIN)),
            // Never staff on the partner's behalf.
            Map.entry(PartnerPermission.SUBMIT_ENROLLMENT, EnumSet.noneOf(Role.class)),
            Map.entry(PartnerPermission.REVIEW_ENROLLMENT, EnumSet.of(Role.PROGRAM_ADMIN, Role.REVIEWER)),
            Map.entry(PartnerPermission.ANSWER_ENROLLMENT, EnumSet.of(Role.PROGRAM_ADMIN)),
            Map.entry(PartnerPermission.DECIDE_CREDIT, EnumSet.of(Role.PROGRAM_ADMIN, Role.CREDIT_ANALYST)),
            Map.entry(PartnerPermission.WITHDRAW_ENROLLMENT, EnumSet.of(Role.PROGRAM_ADMIN))));

    static Caller partnerUser(PartnerId partner, Role... roles) {
        return new Caller(UserId.random(), "user@example.com", Set.of(roles), partner);
    }

    static Caller staff(Role... roles) {
        return new Caller(UserId.random(), "staff@example.com", Set.of(roles), null);
    }

    static Stream<Arguments> everyPermissionAndPartnerRole() {
        List<Arguments> all = new ArrayList<>();
        for (PartnerPermission permission : PartnerPermission.values()) {
            for (Role role : PARTNER_ROLES) {
                all.add(Arguments.of(permission, role));
            }
        }
        return all.stream();
    }

    static Stream<Arguments> everyPermissionAndStaffRole() {
        List<Arguments> all = new ArrayList<>();
        for (PartnerPermission permission : PartnerPermission.values()) {
            for (Role role : STAFF_ROLES) {
                all.add(Arguments.of(permission, role));
            }
        }
        return all.stream();
    }

    @Test
    void the_expected_matrix_covers_every_permission() {
        assertThat(OWN_PARTNER).containsOnlyKeys(PartnerPermission.values());
        assertThat(STAFF).containsOnlyKeys(PartnerPermission.values());
    }

    @ParameterizedTest(name = "{0} by a {1} of another partner")
    @MethodSource("everyPermissionAndPartnerRole")
    void a_partner_user_of_another_partner_finds_it_hidden_for_every_permission(
            PartnerPermission permission, Role role) {
        assertThat(permission.decide(partnerUser(OTHER, role), OWN)).isEqualTo(HIDDEN);
    }

    @ParameterizedTest
    @EnumSource(PartnerPermission.class)
    void even_holding_every_partner_role_another_partner_stays_hidden(PartnerPermission permission) {
        Caller everything = partnerUser(OTHER, PARTNER_ROLES.toArray(Role[]::new));

        assertThat(permission.decide(everything, OWN)).isEqualTo(HIDDEN);
        assertThat(permission.allows(everything, OWN)).isFalse();
    }

    @ParameterizedTest(name = "{0} by its own {1}")
    @MethodSource("everyPermissionAndPartnerRole")
    void a_partner_user_acts_on_its_own_partner_only_with_the_right_role(PartnerPermission permission, Role role) {
        Decision expected = OWN_PARTNER.get(permission).contains(role) ? ALLOWED : DENIED;

        assertThat(permission.decide(partnerUser(OWN, role), OWN)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} by a {1}")
    @MethodSource("everyPermissionAndStaffRole")
    void program_staff_act_on_any_partner_per_their_role(PartnerPermission permission, Role role) {
        Decision expected = STAFF.get(permission).contains(role) ? ALLOWED : DENIED;

        assertThat(permission.decide(staff(role), OWN)).isEqualTo(expected);
        assertThat(permission.decide(staff(role), OTHER)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(PartnerPermission.class)
    void an_integration_client_is_denied_everything(PartnerPermission permission) {
        assertThat(permission.decide(staff(Role.INTEGRATION), OWN)).isEqualTo(DENIED);
    }

    @ParameterizedTest
    @EnumSource(value = PartnerPermission.class, names = "SUBMIT_ENROLLMENT", mode = EnumSource.Mode.EXCLUDE)
    void a_program_admin_is_allowed_everything_but_what_only_the_partners_global_admin_does(
            PartnerPermission permission) {
        assertThat(permission.decide(staff(Role.PROGRAM_ADMIN), OWN)).isEqualTo(ALLOWED);
    }

    @org.junit.jupiter.api.Test
    void only_the_partners_global_admin_submits_an_enrollment_and_accepts_the_agreement_not_a_program_admin() {
        assertThat(PartnerPermission.SUBMIT_ENROLLMENT.decide(staff(Role.PROGRAM_ADMIN), OWN))
                .isEqualTo(DENIED);
    }

    @ParameterizedTest
    @EnumSource(PartnerPermission.class)
    void a_caller_without_roles_is_denied(PartnerPermission permission) {
        assertThat(permission.decide(staff(), OWN)).isEqualTo(DENIED);
        assertThat(permission.decide(partnerUser(OWN), OWN)).isEqualTo(DENIED);
        assertThat(permission.decide(partnerUser(OTHER), OWN)).isEqualTo(HIDDEN);
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"GLOBAL_ADMIN", "ACCOUNT_ADMIN", "ADMIN_AGENT", "SALES_AGENT", "BILLING_ADMIN", "REPORT_VIEWER"})
    void partner_roles_without_a_partner_are_denied_everything(Role role) {
        for (PartnerPermission permission : PartnerPermission.values()) {
            assertThat(permission.decide(staff(role), OWN))
                    .as(permission.name())
                    .isEqualTo(DENIED);
        }
    }

    @Test
    void a_partner_user_is_allowed_when_any_of_its_roles_allows() {
        Caller viewerAndAccountAdmin = partnerUser(OWN, Role.REPORT_VIEWER, Role.ACCOUNT_ADMIN);

        assertThat(PartnerPermission.READ_USERS.decide(viewerAndAccountAdmin, OWN))
                .isEqualTo(ALLOWED);
        assertThat(PartnerPermission.CREATE_USERS.decide(viewerAndAccountAdmin, OWN))
                .isEqualTo(DENIED);
    }

    @Test
    void only_the_global_admin_creates_users_of_its_partner() {
        assertThat(PartnerPermission.CREATE_USERS.allows(partnerUser(OWN, Role.GLOBAL_ADMIN), OWN))
                .isTrue();
        assertThat(PartnerPermission.CREATE_USERS.allows(partnerUser(OWN, Role.ACCOUNT_ADMIN), OWN))
                .isFalse();
    }

    @Test
    void the_report_viewer_sees_the_partner_but_not_its_revenue() {
        Caller viewer = partnerUser(OWN, Role.REPORT_VIEWER);

        assertThat(PartnerPermission.READ.decide(viewer, OWN)).isEqualTo(ALLOWED);
        assertThat(PartnerPermission.READ_REVENUE.decide(viewer, OWN)).isEqualTo(DENIED);
        assertThat(PartnerPermission.READ_REVENUE.decide(partnerUser(OWN, Role.BILLING_ADMIN), OWN))
                .isEqualTo(ALLOWED);
    }

    @Test
    void allows_is_true_only_for_an_allowed_decision() {
        assertThat(PartnerPermission.READ.allows(partnerUser(OWN, Role.REPORT_VIEWER), OWN))
                .isTrue();
        assertThat(PartnerPermission.MANAGE_LOCATIONS.allows(partnerUser(OWN, Role.GLOBAL_ADMIN), OWN))
                .isFalse();
        assertThat(PartnerPermission.READ.allows(partnerUser(OTHER, Role.GLOBAL_ADMIN), OWN))
                .isFalse();
    }
}
